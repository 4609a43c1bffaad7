using ContentStudio.Testing;
using Microsoft.Extensions.DependencyInjection;
using ContentStudio.Core.Channels;
using ContentStudio.Core.TemplateStudio;
using ContentStudio.Integration.Tests.Infrastructure;
using ContentStudio.Core.Prompts;

namespace ContentStudio.Integration.Tests.TemplateStudio;

public sealed class ReleasedPromptCatalogTests
{
    [Fact]
    public async Task BeforeSeedingTheFileTemplatesServeAndAfterwardsTheReleasedOnes()
    {
        var (p, cs, cleanup) = TestDatabases.Sqlite();
        await using var studio = await TemplateStudioHarness.StartAsync(p, cs, cleanup, seed: false);
        studio.Released.Templates.ShouldBeEmpty();
        studio.Released.ForChannel(ChannelKind.Sms)!.SourcePath.ShouldEndWith("sms.prompt.md");

        await TemplateSeeder.SeedAsync(studio.Services);
        var sms = studio.Released.ForChannel(ChannelKind.Sms)!;
        sms.SourcePath.ShouldBe("sms.prompt.md@v1");
        studio.Released.Templates.Count.ShouldBe(6);
    }

    [Fact]
    public async Task EachVersionIsParsedOnceAndAReleaseElsewhereIsSeenAfterTheRefreshInterval()
    {
        var (p, cs, cleanup) = TestDatabases.Sqlite();
        await using var studio = await TemplateStudioHarness.StartAsync(p, cs, cleanup);
        var first = studio.Released.ForChannel(ChannelKind.Email)!;
        studio.Released.Invalidate();
        studio.Released.ForChannel(ChannelKind.Email).ShouldBeSameAs(first);

        // Another process's catalog: a release made through this store does not reach it until it refreshes.
        var db = studio.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<Core.Data.StudioDbContext>>();
        var clock = new ManualClock(new DateTime(2026, 11, 29, 9, 0, 0, DateTimeKind.Utc), manualStopwatch: true);
        var other = new ReleasedPromptCatalog(db, time: clock) { RefreshInterval = TimeSpan.FromSeconds(5) };
        other.ForChannel(ChannelKind.Email)!.Version.ShouldBe(first.Version);
        var v2 = await studio.SaveAsync(studio.EmailWith("Be brief."));
        await studio.Store.ReleaseAsync(v2.Id, TemplateStudioHarness.As("lead"), "Catalog refresh test, no evaluation needed.");
        other.ForChannel(ChannelKind.Email)!.Version.ShouldBe(first.Version);
        clock.Advance(TimeSpan.FromSeconds(6));
        other.ForChannel(ChannelKind.Email)!.Version.ShouldBe(v2.Version);
        studio.Released.ForChannel(ChannelKind.Email)!.Version.ShouldBe(v2.Version);
    }
}
