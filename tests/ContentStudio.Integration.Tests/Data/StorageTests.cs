using static ContentStudio.Testing.People;
using ContentStudio.Testing;
using ContentStudio.Core.Review;
using ContentStudio.Core.Identity;
using Microsoft.EntityFrameworkCore;
using ContentStudio.Core.Channels;
using ContentStudio.Core.Configuration;
using ContentStudio.Core.Data;
using ContentStudio.Core.Generation;
using ContentStudio.Core.Segments;
using ContentStudio.Integration.Tests.Infrastructure;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Integration.Tests.Data;

/// <summary>The schema and its rules, on a real database of each provider.</summary>
public abstract class StorageTests : StudioTests
{
    [Fact]
    public async Task MigratesOnceAndThenHasNothingPending()
    {
        await DatabaseInitializer.MigrateAsync(Studio.Services); // second time: nothing to do, no error
        await using var db = Studio.Db();
        var applied = (await db.Database.GetAppliedMigrationsAsync()).ToList();
        applied.ShouldBe(db.Database.GetMigrations().ToList());
        applied[0].ShouldBe("20261129000001_Initial");
        (await db.Database.GetPendingMigrationsAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task StoresACampaignWithItsWholeBriefAndReadsItBackInUtc()
    {
        var created = await Studio.CampaignAsync(TestData.Brief(channels: [ChannelKind.Email, ChannelKind.LandingHero]));

        await using var db = Studio.Db();
        var read = await db.Campaigns.SingleAsync(c => c.Id == created.Id);
        read.Name.ShouldBe("Spring savings");
        read.Brief.Channels.ShouldBe([ChannelKind.Email, ChannelKind.LandingHero]);
        read.Brief.SegmentKeys.ShouldBe(["young-professionals", "retirees"]);
        read.Brief.KeyMessages.ShouldBe(["4% AER on balances up to 10,000"]);
        read.BusinessImpact.ShouldBe(4);
        read.DeadlineUtc.ShouldBe(new DateTime(2030, 6, 1, 12, 0, 0, DateTimeKind.Utc));
        read.DeadlineUtc!.Value.Kind.ShouldBe(DateTimeKind.Utc);
        read.CreatedUtc.Kind.ShouldBe(DateTimeKind.Utc);
        read.CreatedBy.ShouldBe("marketer@example.com");
    }

    [Fact]
    public async Task RejectsAnEditMadeFromAStaleCopy()
    {
        var campaign = await Studio.CampaignAsync();
        await using var first = Studio.Db();
        await using var second = Studio.Db();
        var mine = await first.Campaigns.SingleAsync(c => c.Id == campaign.Id);
        var theirs = await second.Campaigns.SingleAsync(c => c.Id == campaign.Id);
        var tokenBefore = mine.ConcurrencyToken;

        mine.Name = "Spring savings (final)";
        await first.SaveChangesAsync();
        theirs.Name = "Spring savings v2";

        await Should.ThrowAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
        mine.ConcurrencyToken.ShouldNotBe(tokenBefore);
    }

    [Fact]
    public async Task RejectsASecondTaskForTheSameSegmentChannelAndVariant()
    {
        var campaign = await Studio.CampaignAsync();
        var run = await Studio.Get<GenerationService>().StartRunAsync(campaign.Id);
        await using var db = Studio.Db();
        db.GenerationTasks.Add(new GenerationTask { RunId = run.Id, SegmentKey = "retirees", Channel = ChannelKind.Email, VariantIndex = 0 });

        var error = await Should.ThrowAsync<DbUpdateException>(() => db.SaveChangesAsync());
        VariantWriter.IsUniqueViolation(error).ShouldBeTrue();
    }

    [Fact]
    public async Task RejectsASecondVariantForTheSameTask()
    {
        var campaign = await Studio.CampaignAsync();
        var run = await Studio.Get<GenerationService>().StartRunAsync(campaign.Id);
        await using var db = Studio.Db();
        var task = await db.GenerationTasks.FirstAsync(t => t.RunId == run.Id);
        Variant Make() => new() { TaskId = task.Id, RunId = run.Id, CampaignId = campaign.Id, SegmentKey = task.SegmentKey,
            Channel = task.Channel, FieldsJson = "{}", ContentHash = "x", CreatedUtc = DateTime.UtcNow };
        db.Variants.Add(Make());
        await db.SaveChangesAsync();
        db.Variants.Add(Make());

        var error = await Should.ThrowAsync<DbUpdateException>(() => db.SaveChangesAsync());
        VariantWriter.IsUniqueViolation(error).ShouldBeTrue();
    }

    [Fact]
    public async Task KeepsEverySegmentAttributeThroughTheDatabase()
    {
        var store = Studio.Get<SegmentStore>();
        (await store.SeedIfEmptyAsync(TestData.LumenSegments)).ShouldBe(3);

        var read = await store.GetAsync("lumen", "young-professionals");
        read.ShouldNotBeNull();
        read.Interests.ShouldBe(["travel", "investing"]);
        read.PainPoints.ShouldBe(["fees"]);
        read.ProtectedAttributes.ShouldBe(["age"]);
        read.Attributes["region"].ShouldBe("urban");
        read.ToneAdjustment.ShouldBe("brisk");
        (await store.ListAsync("lumen")).Select(s => s.Key).ShouldBe(["retirees", "students", "young-professionals"]);
        (await store.ListAsync("other-brand")).ShouldBeEmpty();
    }

    [Fact]
    public async Task SeedsOnlyABrandThatHasNoSegmentsYet()
    {
        var store = Studio.Get<SegmentStore>();
        await store.SeedIfEmptyAsync(TestData.LumenSegments.Take(1).ToList());

        (await store.SeedIfEmptyAsync(TestData.LumenSegments)).ShouldBe(0);
        (await store.KeysAsync("lumen")).ShouldBe(["young-professionals"]);
    }

    [Fact]
    public async Task ReplacesABrandsSegmentsWithAnImport()
    {
        var store = Studio.Get<SegmentStore>();
        await store.SeedIfEmptyAsync(TestData.LumenSegments);
        var import = new List<Segment>
        {
            TestData.LumenSegments[1] with { Description = "Updated from the CDP" },
            new() { Key = "families", BrandSlug = "lumen", Name = "Families" },
        };

        await store.ReplaceAllAsync("lumen", import, Bree);

        (await store.KeysAsync("lumen")).ShouldBe(["families", "retirees"]);
        (await store.GetAsync("lumen", "retirees"))!.Description.ShouldBe("Updated from the CDP");
    }

    [Fact]
    public async Task LeavesTheOldSegmentsWhenAnImportFailsHalfway()
    {
        var store = Studio.Get<SegmentStore>();
        await store.SeedIfEmptyAsync(TestData.LumenSegments);
        // The database refuses the last row (NOT NULL), after the earlier rows were already written.
        var import = new List<Segment>
        {
            new() { Key = "families", BrandSlug = "lumen", Name = "Families" },
            new() { Key = "broken", BrandSlug = "lumen", Name = null! },
        };

        await Should.ThrowAsync<DbUpdateException>(() => store.ReplaceAllAsync("lumen", import, Bree));

        (await store.KeysAsync("lumen")).ShouldBe(["retirees", "students", "young-professionals"]);
    }

    [Fact]
    public async Task RefusesAnImportWithTheSameKeyTwice()
    {
        var store = Studio.Get<SegmentStore>();
        var twice = new List<Segment> { TestData.LumenSegments[0], TestData.LumenSegments[0] with { Name = "Again" } };

        var error = await Should.ThrowAsync<ArgumentException>(() => store.ReplaceAllAsync("lumen", twice, Bree));
        error.Message.ShouldContain("'young-professionals' appears more than once");
    }

    [Theory]
    [InlineData("Marketer")]
    [InlineData("PromptEngineer")]
    [InlineData("")]
    public async Task OnlyBrandManagersAndAdminsMayImportOrEditSegmentsAndARefusalChangesNothing(string role)
    {
        var store = Studio.Get<SegmentStore>();
        await store.SeedIfEmptyAsync(TestData.LumenSegments);
        var user = role == "" ? StudioUser.Anonymous : new StudioUser("sam@example.com", "Sam", role);

        (await Should.ThrowAsync<AccessDeniedException>(() => store.ReplaceAllAsync("lumen", [TestData.LumenSegments[0]], user)))
            .Permission.ShouldBe(StudioPermission.ManageSegments);
        await Should.ThrowAsync<AccessDeniedException>(() => store.SaveAsync(TestData.LumenSegments[0] with { Name = "Renamed" }, user));

        (await store.KeysAsync("lumen")).ShouldBe(["retirees", "students", "young-professionals"]);
        (await store.GetAsync("lumen", "young-professionals"))!.Name.ShouldBe(TestData.LumenSegments[0].Name);
        await store.SaveAsync(TestData.LumenSegments[0] with { Name = "Renamed" }, People.Ada);
        (await store.GetAsync("lumen", "young-professionals"))!.Name.ShouldBe("Renamed");
    }
}

public sealed class SqliteStorageTests : StorageTests
{
    protected override Task<(DatabaseProvider, string, Action?)> CreateDatabaseAsync() =>
        Task.FromResult<(DatabaseProvider, string, Action?)>(TestDatabases.Sqlite());
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresStorageTests(PostgresServer server) : StorageTests
{
    protected override Task<(DatabaseProvider, string, Action?)> CreateDatabaseAsync() =>
        TestDatabases.PostgresAsync(server, nameof(PostgresStorageTests));
}
