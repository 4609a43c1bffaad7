using ContentStudio.Core.Brands;
using ContentStudio.Core.Campaigns;
using ContentStudio.Core.Channels;
using ContentStudio.Core.Configuration;
using ContentStudio.Core.Generation;
using ContentStudio.Core.Identity;
using ContentStudio.Core.Review;
using ContentStudio.Core.Segments;
using ContentStudio.Core.Tests.Identity;
using Microsoft.EntityFrameworkCore;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Core.Tests.Campaigns;

/// <summary>Creating a campaign and starting its run need a Marketer, BrandManager or Admin, checked in Core before
/// anything is read or written; the run and the campaign record the user's sign-in name. Every role and anonymous.</summary>
public sealed class RunStartAuthorizationTests : IAsyncLifetime
{
    private SqliteStudio _db = null!;
    private GenerationService _runs = null!;
    private CampaignService _campaigns = null!;

    public async Task InitializeAsync()
    {
        _db = await SqliteStudio.StartAsync();
        _runs = new GenerationService(_db.Factory, new LiveEvents(), TimeProvider.System, _db.Service<Core.Audit.AuditLog>());
        _campaigns = new CampaignService(_db.Factory, new BrandCatalog(RepoPaths.Resolve("brand-guides", AppContext.BaseDirectory)),
            new SegmentStore(_db.Factory, TimeProvider.System), TimeProvider.System, _db.Service<Core.Audit.AuditLog>());
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    public static TheoryData<string> Everyone() => SqliteStudio.Everyone();

    private static bool MayGenerate(string who) => who is StudioRoles.Marketer or StudioRoles.BrandManager or StudioRoles.Admin;

    [Theory]
    [MemberData(nameof(Everyone))]
    public async Task StartingARun(string who)
    {
        var user = SqliteStudio.User(who);
        var campaign = await StoreCampaignAsync();

        if (MayGenerate(who))
        {
            var run = await _runs.StartRunAsync(campaign.Id, user);
            run.CreatedBy.ShouldBe(user.Id);
            run.TotalTasks.ShouldBe(2);
        }
        else
        {
            var refused = await Should.ThrowAsync<AccessDeniedException>(() => _runs.StartRunAsync(campaign.Id, user));
            refused.Permission.ShouldBe(StudioPermission.Generate);
        }
        await using var db = await _db.Factory.CreateDbContextAsync();
        (await db.GenerationRuns.CountAsync()).ShouldBe(MayGenerate(who) ? 1 : 0);
        (await db.GenerationTasks.CountAsync()).ShouldBe(MayGenerate(who) ? 2 : 0);
    }

    [Theory]
    [MemberData(nameof(Everyone))]
    public async Task CreatingACampaignChecksTheRoleBeforeTheBrief(string who)
    {
        var user = SqliteStudio.User(who);
        var empty = new CampaignBrief();

        // An allowed user gets to the brief's validation; a refused one never does.
        if (MayGenerate(who)) await Should.ThrowAsync<BriefValidationException>(() => _campaigns.CreateAsync(empty, user));
        else await Should.ThrowAsync<AccessDeniedException>(() => _campaigns.CreateAsync(empty, user));
        if (MayGenerate(who)) await Should.ThrowAsync<BriefFileException>(() => _campaigns.CreateFromFileAsync("missing-brief.json", user));
        else await Should.ThrowAsync<AccessDeniedException>(() => _campaigns.CreateFromFileAsync("missing-brief.json", user));
    }

    /// <summary>A campaign row as the unchecked path stores it: two tasks (one segment, two channels, one variant).</summary>
    private async Task<Campaign> StoreCampaignAsync()
    {
        var campaign = new Campaign
        {
            Name = "Spring", BrandSlug = "lumen-coffee", CreatedUtc = DateTime.UtcNow, CreatedBy = "seed",
            Brief = new CampaignBrief { Name = "Spring", BrandSlug = "lumen-coffee", SegmentKeys = ["students"], Channels = [ChannelKind.Email, ChannelKind.Sms], VariantsPerSegment = 1 },
        };
        await using var db = await _db.Factory.CreateDbContextAsync();
        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync();
        return campaign;
    }
}
