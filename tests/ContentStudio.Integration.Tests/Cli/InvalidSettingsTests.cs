using Microsoft.EntityFrameworkCore;

namespace ContentStudio.Integration.Tests.Cli;

/// <summary>A bad setting stops every verb before it has a side effect: only the setting's message (no stack trace),
/// exit 2, no database file, no campaign or run queued.</summary>
public sealed class InvalidSettingsTests : IDisposable
{
    readonly CliWorkspace _workspace = CliWorkspace.Sqlite();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task AnUnknownProviderStopsDbMigrateBeforeTheDatabaseIsCreated()
    {
        _workspace.Environment["Llm__Provider"] = "Bogus";

        var result = await _workspace.RunAsync("db", "migrate");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.StdErr.ShouldContain("'Llm:Provider'", Case.Sensitive, result.ToString());
        result.StdErr.ShouldNotContain("   at ", Case.Sensitive, result.ToString());
        File.Exists(_workspace.SqlitePath).ShouldBeFalse();
    }

    [Fact]
    public async Task AMissingApiKeyStopsGenerateBeforeACampaignOrRunIsQueued()
    {
        await _workspace.EnsureUserAsync(); // the signed-in user needs a database; the verb itself must add nothing to it
        _workspace.Environment["Llm__Provider"] = "OpenAI";
        _workspace.Environment["Llm__Model"] = "gpt-4o-mini";

        var result = await _workspace.RunAsync("generate", "--brief", CliWorkspace.SampleBrief, "--quiet");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.StdErr.ShouldContain("Llm:ApiKey is required for OpenAI", Case.Sensitive, result.ToString());
        result.StdErr.ShouldNotContain("   at ", Case.Sensitive, result.ToString());
        result.StdOut.ShouldNotContain("campaign", Case.Sensitive, result.ToString());
        await using var db = _workspace.Db();
        (await db.Campaigns.CountAsync()).ShouldBe(0);
        (await db.GenerationRuns.CountAsync()).ShouldBe(0);
    }
}
