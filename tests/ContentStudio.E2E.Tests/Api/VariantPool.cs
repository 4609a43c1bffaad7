using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ContentStudio.Core.Campaigns;
using ContentStudio.Core.Channels;
using ContentStudio.Core.Checks;
using ContentStudio.Core.Data;
using ContentStudio.Core.Generation;
using ContentStudio.Core.Publishing;
using ContentStudio.Core.Review;
using ContentStudio.Core.Review.Queue;
using ContentStudio.E2E.Tests.Infrastructure;
using ContentStudio.Core.Kernel;

namespace ContentStudio.E2E.Tests.Api;

/// <summary>Fresh variants for the API tests, written once per app run by the app's own worker: one campaign generated
/// by the marketer (every segment × 10 email variants), one by the brand manager. Each test takes its own variant and
/// brings it to the state it needs through the Core services (submitted by the marketer, approved by the second brand
/// manager), so every case starts from a variant nobody else touched.</summary>
public sealed class VariantPool
{
    private const int PerSegment = 10;
    private static readonly string[] Segments =
        ["young-professionals", "students", "home-baristas", "busy-parents", "retirees", "lapsed-members", "quebec-francophones"];
    private static readonly ConcurrentDictionary<string, Lazy<Task<VariantPool>>> Pools = new();

    private readonly StudioAppFixture _app;
    private readonly ConcurrentQueue<Guid> _byMarketer;
    private readonly ConcurrentQueue<Guid> _byBrandManager;

    private VariantPool(StudioAppFixture app, IEnumerable<Guid> byMarketer, IEnumerable<Guid> byBrandManager, Guid targetId)
    {
        _app = app;
        _byMarketer = new(byMarketer);
        _byBrandManager = new(byBrandManager);
        TargetId = targetId;
        Shared = Next(_byMarketer, "marketer");
    }

    /// <summary>A Generated variant for tests that only read (pages, GETs); nobody changes it.</summary>
    public Guid Shared { get; }

    /// <summary>A file-export publish target inside the fixture's export root.</summary>
    public Guid TargetId { get; }

    public static Task<VariantPool> ForAsync(StudioAppFixture app) => Pools.GetOrAdd(app.BaseUrl, _ => new(() => CreateAsync(app))).Value;

    public static StudioUser As(TestUser user) => new(user.UserName, user.DisplayName, user.Role);

    /// <summary>A variant the marketer generated, brought to <paramref name="state"/> (Generated, InReview or Approved).</summary>
    public Task<Guid> TakeAsync(ReviewState state) => PrepareAsync(Next(_byMarketer, "marketer"), state);

    /// <summary>A variant the brand manager (bruno) generated, submitted by him.</summary>
    public Task<Guid> TakeGeneratedByBrandManagerAsync() =>
        PrepareAsync(Next(_byBrandManager, "brand manager"), ReviewState.InReview, TestUsers.BrandManager);

    /// <summary>A variant in Generated held by <paramref name="holder"/>.</summary>
    public async Task<Guid> TakeClaimedByAsync(TestUser holder)
    {
        var id = await TakeAsync(ReviewState.Generated);
        await _app.Services.GetRequiredService<QueueClaims>().ClaimAsync(id, As(holder));
        return id;
    }

    private async Task<Guid> PrepareAsync(Guid id, ReviewState state, TestUser? submitter = null)
    {
        var reviews = _app.Services.GetRequiredService<ReviewService>();
        if (state is ReviewState.InReview or ReviewState.Approved) await reviews.SubmitAsync(id, As(submitter ?? TestUsers.Marketer));
        if (state is ReviewState.Approved)
        {
            var current = (await _app.Services.GetRequiredService<ReviewQueue>().CurrentAsync(id))!.Value.Variant;
            await reviews.ApproveAsync(id, current.ContentHash, As(TestUsers.SecondBrandManager));
        }
        return id;
    }

    private static Guid Next(ConcurrentQueue<Guid> queue, string author) =>
        queue.TryDequeue(out var id) ? id : throw new InvalidOperationException($"No fresh variant by the {author} left: generate more in VariantPool.");

    private static async Task<VariantPool> CreateAsync(StudioAppFixture app)
    {
        var byMarketer = await StartRunAsync(app, "API matrix", TestUsers.Marketer, Segments);
        var byManager = await StartRunAsync(app, "API self-approval", TestUsers.BrandManager, ["students"]);
        var target = await app.Services.GetRequiredService<PublishTargets>().AddFileExportAsync("api-files", "api",
            new StudioUser(TestUsers.Admin.UserName, TestUsers.Admin.DisplayName, TestUsers.Admin.Role));
        return new VariantPool(app, await ReviewableAsync(app, byMarketer), await ReviewableAsync(app, byManager), target.Id);
    }

    private static async Task<(Guid RunId, int Expected)> StartRunAsync(StudioAppFixture app, string name, TestUser author, string[] segments)
    {
        var campaign = await app.Services.GetRequiredService<CampaignService>().CreateAsync(new CampaignBrief
        {
            Name = name, BrandSlug = "lumen-coffee", Product = "Lumen Roast Club", Objective = "Win new Roast Club subscribers",
            KeyMessages = ["Freshly roasted coffee delivered on your schedule"], CallToAction = "Start your subscription",
            Channels = [ChannelKind.Email], SegmentKeys = segments, VariantsPerSegment = PerSegment,
            // The lowest impact sorts these many items after every other test's items in the shared queue's first page.
            BusinessImpact = 1,
        }, author.UserName);
        var run = await app.Services.GetRequiredService<GenerationService>().StartRunAsync(campaign.Id, author.UserName);
        return (run.Id, segments.Length * PerSegment);
    }

    /// <summary>The run's variants once all are written, without the ones the checks blocked (those only an override
    /// can approve, which would blur the role rules under test).</summary>
    private static async Task<IReadOnlyList<Guid>> ReviewableAsync(StudioAppFixture app, (Guid RunId, int Expected) run)
    {
        var factory = app.Services.GetRequiredService<IDbContextFactory<StudioDbContext>>();
        for (var attempt = 0; attempt < 300; attempt++)
        {
            await using var db = await factory.CreateDbContextAsync();
            var written = await db.Variants.AsNoTracking().Where(v => v.RunId == run.RunId)
                .Select(v => new { v.Id, v.Outcome, v.CheckGate, v.VariantIndex, v.SegmentKey }).ToListAsync();
            if (written.Count == run.Expected)
                return written.Where(v => v.Outcome == VariantOutcome.Ok && v.CheckGate is Gate.Clean or Gate.NeedsReview)
                    .OrderBy(v => v.SegmentKey).ThenBy(v => v.VariantIndex).Select(v => v.Id).ToList();
            await Task.Delay(200);
        }
        throw new TimeoutException($"The worker did not write the {run.Expected} variants of run {run.RunId} within 60 seconds.");
    }
}
