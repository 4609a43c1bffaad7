using ContentStudio.Integration.Tests.Cli;
using ContentStudio.Core.Prompts;

namespace ContentStudio.Integration.Tests.TemplateStudio;

/// <summary>The `studio prompts` verbs as a user runs them: a real process over a fresh SQLite database, the
/// repository's prompts and brand guides, the offline model. The verbs that change data run as the workspace's
/// signed-in user (every role).</summary>
public sealed class PromptsCliTests : IDisposable
{
    private readonly CliWorkspace _workspace = CliWorkspace.Sqlite();

    public PromptsCliTests() => _workspace.Environment["Llm__Provider"] = "Offline";

    public void Dispose() => _workspace.Dispose();

    private async Task<(int Exit, string Out, string Err)> StudioAsync(params string[] args)
    {
        var result = await _workspace.RunAsync(args);
        return (result.ExitCode, result.StdOut, result.StdErr);
    }

    [Fact]
    public async Task RenderPrintsBothMessagesWithFencesAndATokenEstimate()
    {
        var (exit, output, error) = await StudioAsync("prompts", "render", "--template", "sms", "--brand", "lumen-coffee",
            "--segment", "students", "--brief", Path.Combine(TemplateStudioHarness.RepoFolder("docs/samples"), "brief-lumen.json"));
        exit.ShouldBe(0, error);
        output.ShouldContain("template sms version 1 (");
        output.ShouldContain("===== system (");
        output.ShouldContain("===== user (");
        output.ShouldContain("<<<untrusted:brief.product>>>");
        output.ShouldMatch(@"prompt ~\d+ tokens");
    }

    [Fact]
    public async Task UnknownNamesAreUsageErrors()
    {
        var (exit, _, error) = await StudioAsync("prompts", "eval", "--template", "newsletter", "--candidate", "1");
        exit.ShouldBe(2);
        error.ShouldContain("there is no template 'newsletter' (known: ad, email, landing-hero, push, sms, social)");
        (await StudioAsync("prompts", "eval", "--template", "email", "--candidate", "7")).Exit.ShouldBe(2);
    }

    [Fact]
    public async Task AnImportedVersionIsReleasedOnlyAfterItsEvaluation()
    {
        var incoming = Path.Combine(_workspace.Folder, "incoming");
        Directory.CreateDirectory(incoming);
        var email = await File.ReadAllTextAsync(Path.Combine(TemplateStudioHarness.RepoFolder("prompts"), "email.prompt.md"));
        await File.WriteAllTextAsync(Path.Combine(incoming, "email.prompt.md"), email.Replace("You are a senior copywriter", "Be brief. You are a senior copywriter"));
        (await StudioAsync("prompts", "import", "--from", incoming)).Out.ShouldContain("new       email v2");

        var refused = await StudioAsync("prompts", "release", "--template", "email", "--version", "2");
        refused.Exit.ShouldBe(1);
        refused.Err.ShouldContain("version 2 of email has no finished evaluation: run `studio prompts eval --template email --candidate 2`");

        var eval = await StudioAsync("prompts", "eval", "--template", "email", "--candidate", "2");
        eval.Exit.ShouldBe(0, eval.Err);
        eval.Out.ShouldContain("candidate v2");
        eval.Out.ShouldContain("released v1");
        eval.Out.ShouldMatch(@"guardrail pass rate\s+\d+(\.\d)?%\s+\d+(\.\d)?%");

        (await StudioAsync("prompts", "release", "--template", "email", "--version", "2")).Exit.ShouldBe(0);
        (await StudioAsync("prompts", "history", "--template", "email")).Out.ShouldContain("* v2");
    }
}
