using static ContentStudio.Testing.People;
using ContentStudio.Core.Audit;
using ContentStudio.Core.Configuration;
using ContentStudio.Integration.Tests.Infrastructure;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Integration.Tests.Audit;

/// <summary>The audit page's filters (actor, kind, action, item type and id, time range) run in the database with
/// paging, and the export holds exactly the filtered events as CSV a spreadsheet cannot be tricked into running.</summary>
public abstract class AuditSearchTests : StudioTests
{
    private AuditSearch Search => Studio.Get<AuditSearch>();
    private static readonly StudioUser Reader = Bree;

    private async Task SeedAsync()
    {
        var log = Studio.Get<AuditLog>();
        await log.RecordAsync(new("ada", AuditActions.UserCreated, "User", "mia", new { roles = new[] { "Marketer" } }));
        Studio.Clock.Advance(TimeSpan.FromHours(1));
        await log.RecordAsync(new("mia", AuditActions.SignedIn, "User", "mia", new { via = "web" }));
        Studio.Clock.Advance(TimeSpan.FromHours(1));
        await log.RecordAsync(new("=cmd|' /C calc'!A0", AuditActions.SignInFailed, "User", "=cmd|' /C calc'!A0", new { reason = "+1, \"quoted\"" }));
        Studio.Clock.Advance(TimeSpan.FromHours(1));
        await log.RecordAsync(new("mia", AuditActions.CampaignCreated, "Campaign", "c-1", new { name = "@spring -sale" }));
    }

    [Fact]
    public async Task FiltersByActorKindActionItemAndTimeInTheDatabase()
    {
        await SeedAsync();
        var start = new DateTime(2026, 11, 29, 9, 0, 0, DateTimeKind.Utc);
        async Task<long[]> Seqs(AuditFilter f) => (await Search.SearchAsync(f, Reader)).Events.Select(e => e.Sequence).ToArray();

        (await Seqs(new())).ShouldBe([4, 3, 2, 1]);
        (await Seqs(new(Actor: " mia "))).ShouldBe([4, 2]);
        (await Seqs(new(ActionKind: "auth"))).ShouldBe([3, 2]);
        (await Seqs(new(Action: AuditActions.UserCreated))).ShouldBe([1]);
        (await Seqs(new(EntityType: "User", EntityId: "mia"))).ShouldBe([2, 1]);
        (await Seqs(new(FromUtc: start.AddHours(1), ToUtc: start.AddHours(3)))).ShouldBe([3, 2]);
        (await Seqs(new(Actor: "mia", ActionKind: "campaign"))).ShouldBe([4]);
        AuditSearch.KindsOf(await Search.ActionsAsync()).ShouldBe(["auth", "campaign", "user"]);
        (await Search.EntityTypesAsync()).ShouldBe(["Campaign", "User"]);
    }

    [Fact]
    public async Task PagesHoldFiftyEventsNewestFirst()
    {
        var log = Studio.Get<AuditLog>();
        for (var i = 0; i < AuditSearch.PageSize + 3; i++) await log.RecordAsync(new("ada", AuditActions.SignedIn, "User", "ada"));

        var second = await Search.SearchAsync(new(Page: 2), Reader);
        (second.Total, second.PageCount).ShouldBe((53, 2));
        second.Events.Select(e => e.Sequence).ShouldBe([3, 2, 1]);
    }

    [Fact]
    public async Task ExportsTheFilteredEventsOldestFirstWithFormulaCellsDefused()
    {
        await SeedAsync();

        var export = await Search.ExportCsvAsync(new(Actor: "=cmd|' /C calc'!A0"), Reader);
        (export.Rows, export.Matched).ShouldBe((1, 1));
        var lines = export.Csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldBe("sequence,at_utc,actor,action,action_label,entity_type,entity_id,details,hash");
        lines[1].ShouldStartWith("3,2026-11-29T11:00:00Z,'=cmd|' /C calc'!A0,auth.sign-in-failed,Auth sign in failed,User,'=cmd|' /C calc'!A0,");
        lines[1].ShouldContain(",\"reason: +1, \"\"quoted\"\"\",");

        var all = await Search.ExportCsvAsync(new(), Reader);
        all.Csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')[0]).ShouldBe(["1", "2", "3", "4"]);
        all.Csv.ShouldContain(",name: @spring -sale,"); // inside the details cell, which starts with "name", so it is not a formula
        AuditCsv.Cell("@SUM(A1)").ShouldBe("'@SUM(A1)");
        AuditCsv.Cell("-2+3").ShouldBe("'-2+3");
        AuditCsv.Cell("+1").ShouldBe("'+1");
        AuditCsv.Cell("\tx").ShouldBe("'\tx");
        AuditCsv.Cell("plain").ShouldBe("plain");
    }

    [Theory]
    [InlineData(StudioRoles.Marketer)]
    [InlineData(StudioRoles.PromptEngineer)]
    public async Task OnlyThoseWhoMayReadTheLogSearchOrExportIt(string role)
    {
        var user = new StudioUser("someone", "Someone", role);
        await Should.ThrowAsync<AccessDeniedException>(() => Search.SearchAsync(new(), user));
        await Should.ThrowAsync<AccessDeniedException>(() => Search.ExportCsvAsync(new(), user));
        (await Search.ExportCsvAsync(new(), Ada)).Rows.ShouldBe(0);
    }
}

public sealed class SqliteAuditSearchTests : AuditSearchTests
{
    protected override Task<(DatabaseProvider, string, Action?)> CreateDatabaseAsync() =>
        Task.FromResult<(DatabaseProvider, string, Action?)>(TestDatabases.Sqlite());
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresAuditSearchTests(PostgresServer server) : AuditSearchTests
{
    protected override Task<(DatabaseProvider, string, Action?)> CreateDatabaseAsync() =>
        TestDatabases.PostgresAsync(server, nameof(PostgresAuditSearchTests));
}
