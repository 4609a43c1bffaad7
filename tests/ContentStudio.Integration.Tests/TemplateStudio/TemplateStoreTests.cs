using Microsoft.Extensions.DependencyInjection;
using System.Text;
using ContentStudio.Core.Configuration;
using ContentStudio.Core.TemplateStudio;
using ContentStudio.Integration.Tests.Infrastructure;
using DiffPlex.DiffBuilder.Model;
using ContentStudio.Core.Prompts;

namespace ContentStudio.Integration.Tests.TemplateStudio;

/// <summary>Versions in the database: seeding, saving, history, diff, export/import. Runs on SQLite and PostgreSQL.</summary>
public abstract class TemplateStoreTests : IAsyncLifetime
{
    protected TemplateStudioHarness Studio { get; private set; } = null!;
    protected abstract Task<(DatabaseProvider, string, Action?)> CreateDatabaseAsync();

    public async Task InitializeAsync()
    {
        var (provider, cs, cleanup) = await CreateDatabaseAsync();
        Studio = await TemplateStudioHarness.StartAsync(provider, cs, cleanup);
    }

    public async Task DisposeAsync() => await Studio.DisposeAsync();

    [Fact]
    public async Task SeedingStoresEachShippedTemplateOnceAndReleasesIt()
    {
        var list = await Studio.Store.ListAsync();
        list.Select(t => t.Name).ShouldBe(["ad", "email", "landing-hero", "push", "sms", "social"]);
        list.ShouldAllBe(t => t.VersionCount == 1 && t.Released != null && t.Released.Id == t.Latest.Id && t.Released.Number == 1);
        (await TemplateSeeder.SeedAsync(Studio.Services)).ShouldBe(0);
        (await Studio.Store.HistoryAsync("email"))!.Releases.Single().Kind.ShouldBe(ReleaseKind.Seed);
    }

    [Fact]
    public async Task SeedingAnEditedFileAddsAVersionButKeepsTheReleasedOne()
    {
        await File.WriteAllTextAsync(Path.Combine(Studio.PromptsFolder, "email.prompt.md"), Studio.EmailWith("Be brief."));
        (await TemplateSeeder.SeedAsync(Studio.Services)).ShouldBe(1);
        var email = (await Studio.Store.ListAsync()).Single(t => t.Name == "email");
        email.Latest.Number.ShouldBe(2);
        email.Released!.Number.ShouldBe(1);
    }

    [Fact]
    public async Task EveryFieldOfAVersionReleaseAndEvaluationRoundTrips()
    {
        var text = Studio.EmailWith("Keep it warm.").Replace("\n", "\r\n").TrimEnd('\n', '\r');
        var saved = await Studio.SaveAsync(text);
        await Studio.Store.ReleaseAsync(saved.Id, TemplateStudioHarness.As("lead@example.com"), "Urgent fix approved by the brand team today.");

        var history = (await Studio.Store.HistoryAsync("email"))!;
        var stored = history.Versions.First();
        stored.Id.ShouldBe(saved.Id);
        stored.FileText.ShouldBe(text);
        stored.Number.ShouldBe(2);
        stored.Version.ShouldBe(TemplateText.Label(text));
        stored.CreatedBy.ShouldBe("editor@example.com");
        stored.Note.ShouldBe("test edit");
        stored.CreatedUtc.Kind.ShouldBe(DateTimeKind.Utc);
        history.ReleasedVersionId.ShouldBe(saved.Id);
        var release = history.Releases.First();
        (release.Kind, release.User, release.Justification).ShouldBe((ReleaseKind.Override, "lead@example.com", "Urgent fix approved by the brand team today."));

        var evaluation = await Studio.Evaluator.EvaluateAsync(saved.Id, TemplateStudioHarness.As("engineer@example.com"));
        using var db = Studio.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<Core.Data.StudioDbContext>>().CreateDbContext();
        var row = db.PromptEvaluations.Single(e => e.Id == evaluation.Evaluation.Id);
        (row.Status, row.VersionId, row.BaselineVersionId, row.TemplateName).ShouldBe((EvaluationStatus.Finished, saved.Id, saved.Id, "email"));
        row.FinishedUtc.ShouldNotBeNull();
        row.Metrics!.Candidate.Variants.ShouldBe(4);
        row.Cases!.Candidate.ShouldContain(c => c.Segment == "young-professionals");
    }

    [Fact]
    public async Task SavingTheSameTextAgainReturnsTheExistingVersion()
    {
        var again = await Studio.Store.SaveVersionAsync("email", Studio.EmailText, TemplateStudioHarness.As("someone"), "");
        again.Created.ShouldBeFalse();
        again.Version!.Number.ShouldBe(1);
    }

    [Fact]
    public async Task ExportWritesReleasedVersionsByteForByteAndImportReadsThemBack()
    {
        // CRLF without a final newline, a BOM, and a lone LF file with a trailing newline: each must survive.
        var crlf = Studio.EmailWith("Mind the line endings.").Replace("\n", "\r\n").TrimEnd('\r', '\n');
        var bom = "\uFEFF" + File.ReadAllText(Path.Combine(Studio.PromptsFolder, "sms.prompt.md")).Replace("SMS copy", "SMS text copy");
        foreach (var (name, text) in new[] { ("email", crlf), ("sms", bom) })
        {
            var v = await Studio.SaveAsync(text, name);
            await Studio.Store.ReleaseAsync(v.Id, TemplateStudioHarness.As("lead"), "Round-trip test release, no evaluation needed.");
        }
        var folder = Path.Combine(Studio.PromptsFolder, "export");
        var written = await Studio.Store.ExportAsync(folder);
        written.Count.ShouldBe(6);
        File.ReadAllBytes(Path.Combine(folder, "email.prompt.md")).ShouldBe(Encoding.UTF8.GetBytes(crlf));
        var smsBytes = File.ReadAllBytes(Path.Combine(folder, "sms.prompt.md"));
        smsBytes.Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        smsBytes.ShouldBe(Encoding.UTF8.GetBytes(bom));
        File.ReadAllBytes(Path.Combine(folder, "push.prompt.md")).ShouldBe(File.ReadAllBytes(Path.Combine(Studio.PromptsFolder, "push.prompt.md")));

        var imported = await Studio.Store.ImportAsync(folder, TemplateStudioHarness.As("importer"));
        imported.ShouldAllBe(f => f.Result.Succeeded && !f.Result.Created);
        imported.Single(f => f.Path.EndsWith("email.prompt.md")).Result.Version!.FileText.ShouldBe(crlf);
    }

    [Fact]
    public async Task ImportStoresChangedFilesAsNewUnreleasedVersionsAndReportsInvalidOnes()
    {
        var folder = Path.Combine(Studio.PromptsFolder, "incoming");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "email.prompt.md"), Studio.EmailWith("Imported change."));
        await File.WriteAllTextAsync(Path.Combine(folder, "push.prompt.md"), "---\nname: push\n---\n");
        var imported = await Studio.Store.ImportAsync(folder, TemplateStudioHarness.As("importer"));
        var email = imported.Single(f => f.Path.EndsWith("email.prompt.md")).Result;
        (email.Created, email.Version!.Number).ShouldBe((true, 2));
        var push = imported.Single(f => f.Path.EndsWith("push.prompt.md")).Result;
        push.Succeeded.ShouldBeFalse();
        push.Errors.ShouldContain(e => e.File.EndsWith("push.prompt.md") && e.Message.Contains("missing 'channel'"));
        (await Studio.Store.HistoryAsync("email"))!.ReleasedVersionId.ShouldNotBe(email.Version.Id);
    }

    [Fact]
    public async Task DiffLinesUpTheChangedLineSideBySide()
    {
        var v1 = (await Studio.Store.FindAsync("email", "1"))!;
        var v2 = await Studio.SaveAsync(Studio.EmailWith("Be brief."));
        var diff = await Studio.Store.DiffAsync(v1.Id, v2.Id);
        diff.Model.OldText.Lines.Count.ShouldBe(diff.Model.NewText.Lines.Count);
        var changed = Enumerable.Range(0, diff.Model.OldText.Lines.Count).Where(i => diff.Model.OldText.Lines[i].Type != ChangeType.Unchanged).ToList();
        changed.Count.ShouldBe(1);
        diff.Model.OldText.Lines[changed[0]].Type.ShouldBe(ChangeType.Modified);
        diff.Model.NewText.Lines[changed[0]].Text!.ShouldStartWith("Be brief. You are a senior copywriter");
    }

    [Fact]
    public async Task VersionsAreFoundByNumberLabelPrefixOrKeyword()
    {
        var v2 = await Studio.SaveAsync(Studio.EmailWith("Be brief."));
        (await Studio.Store.FindAsync("email", "2"))!.Id.ShouldBe(v2.Id);
        (await Studio.Store.FindAsync("email", v2.Version))!.Id.ShouldBe(v2.Id);
        (await Studio.Store.FindAsync("email", v2.Version[..6].ToUpperInvariant()))!.Id.ShouldBe(v2.Id);
        (await Studio.Store.FindAsync("email", "latest"))!.Id.ShouldBe(v2.Id);
        (await Studio.Store.FindAsync("email", "released"))!.Number.ShouldBe(1);
        (await Studio.Store.FindAsync("email", "9")).ShouldBeNull();
    }
}

public sealed class SqliteTemplateStoreTests : TemplateStoreTests
{
    protected override Task<(DatabaseProvider, string, Action?)> CreateDatabaseAsync()
    {
        var (p, cs, cleanup) = TestDatabases.Sqlite();
        return Task.FromResult<(DatabaseProvider, string, Action?)>((p, cs, cleanup));
    }
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresTemplateStoreTests(PostgresServer server) : TemplateStoreTests
{
    protected override Task<(DatabaseProvider, string, Action?)> CreateDatabaseAsync() => TestDatabases.PostgresAsync(server, nameof(PostgresTemplateStoreTests));
}
