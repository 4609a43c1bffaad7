using ContentStudio.Core.Audit;
using ContentStudio.Core.Campaigns;
using ContentStudio.Core.Channels;
using ContentStudio.Core.Checks;
using ContentStudio.Core.Generation;
using ContentStudio.Core.Review;
using ContentStudio.Core.Review.Queue;
using ContentStudio.Core.Tests.Identity;
using Microsoft.Extensions.Options;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Core.Tests.Review;

/// <summary>The oldest-first queue merges one ordered walk per review state and gate on its first pages and sorts in
/// the database after them: every page must be exactly the open rows of the lane by CreatedUtc then Id, ties included,
/// on both sides of that switch. 1,500 variants over 120 distinct minutes, so most rows share their minute.</summary>
public sealed class ReviewQueueOldestFirstTests(ReviewQueueOldestFirstTests.SeededQueue seeded) : IClassFixture<ReviewQueueOldestFirstTests.SeededQueue>
{
    private const int PageSize = 25; // the merge covers pages 1..40, the database sort pages 41 and on
    private static readonly ReviewState[] States = [ReviewState.Generated, ReviewState.InReview, ReviewState.InReview, ReviewState.ChangesRequested, ReviewState.Approved, ReviewState.Rejected];
    private static readonly ReviewState[] Open = [ReviewState.Generated, ReviewState.InReview, ReviewState.ChangesRequested];
    private ReviewQueue Queue => seeded.Queue;
    private List<Variant> All => seeded.All;

    /// <summary>One seeded database for every case: the queries only read.</summary>
    public sealed class SeededQueue : IAsyncLifetime
    {
        private SqliteStudio _db = null!;
        public ReviewQueue Queue { get; private set; } = null!;
        public List<Variant> All { get; private set; } = [];

        public async Task InitializeAsync()
        {
            _db = await SqliteStudio.StartAsync();
            Queue = new ReviewQueue(_db.Factory, TimeProvider.System,
                Options.Create(new ReviewQueueOptions { PageSize = PageSize }));
            All = await SeedAsync(_db, 1_500);
        }

        public async Task DisposeAsync() => await _db.DisposeAsync();
    }

    public static TheoryData<QueueLane?, int> LanesAndPages()
    {
        var data = new TheoryData<QueueLane?, int>();
        foreach (var lane in new QueueLane?[] { null, QueueLane.Clean, QueueLane.NeedsReview, QueueLane.Blocked })
        foreach (var page in new[] { 1, 2, 17, 40, 41, 42 })
            data.Add(lane, page);
        return data;
    }

    [Theory]
    [MemberData(nameof(LanesAndPages))]
    public async Task EveryPageIsTheLanesOpenRowsByAgeThenId(QueueLane? lane, int page)
    {
        var expected = All.Where(v => Open.Contains(v.ReviewState) && (lane is null || Lanes.Of(v.Outcome, v.CheckGate) == lane))
            .OrderBy(v => v.CreatedUtc).ThenBy(v => v.Id).Skip((page - 1) * PageSize).Take(PageSize).Select(v => v.Id).ToList();

        var actual = await Queue.GetPageAsync(new QueueFilter { Lane = lane, Sort = QueueSort.Age, Page = page });

        actual.Items.Select(i => i.VariantId).ToList().ShouldBe(expected);
        if (page == 1) expected.Count.ShouldBe(PageSize); // the lane is big enough for the test to mean something
    }

    [Theory]
    [InlineData(ReviewState.InReview, 1)]
    [InlineData(ReviewState.InReview, 20)]
    [InlineData(ReviewState.Approved, 3)]
    public async Task AStateFilterWalksOnlyThatState(ReviewState state, int page)
    {
        var expected = All.Where(v => v.ReviewState == state && v.Channel == ChannelKind.Email)
            .OrderBy(v => v.CreatedUtc).ThenBy(v => v.Id).Skip((page - 1) * PageSize).Take(PageSize).Select(v => v.Id).ToList();

        var actual = await Queue.GetPageAsync(new QueueFilter { State = state, Channel = ChannelKind.Email, Sort = QueueSort.Age, Page = page });

        actual.Items.Select(i => i.VariantId).ToList().ShouldBe(expected);
    }

    private static async Task<List<Variant>> SeedAsync(SqliteStudio studio, int count)
    {
        var rng = new Random(7);
        var start = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);
        var campaign = new Campaign { Name = "Queue order", BrandSlug = "lumen-coffee", CreatedUtc = start, CreatedBy = "seed" };
        var run = new GenerationRun { CampaignId = campaign.Id, CreatedBy = "seed", CreatedUtc = start, Status = RunStatus.Completed, TotalTasks = count };
        var variants = new List<Variant>();
        await using var db = await studio.Factory.CreateDbContextAsync();
        db.Campaigns.Add(campaign);
        db.GenerationRuns.Add(run);
        for (var k = 0; k < count; k++)
        {
            var task = new GenerationTask { RunId = run.Id, Ordinal = k, SegmentKey = "students", Channel = k % 2 == 0 ? ChannelKind.Email : ChannelKind.Sms, VariantIndex = k, Status = GenerationTaskStatus.Done };
            db.GenerationTasks.Add(task);
            var roll = rng.Next(20);
            variants.Add(new Variant
            {
                TaskId = task.Id, CampaignId = campaign.Id, RunId = run.Id, SegmentKey = task.SegmentKey, Channel = task.Channel, VariantIndex = k,
                FieldsJson = "{}", ContentHash = $"h{k}", ReviewState = States[rng.Next(States.Length)],
                // Every lane and gate, including no gate and a failed outcome under a clean gate (Blocked lane).
                Outcome = roll == 0 ? VariantOutcome.NeedsAttention : VariantOutcome.Ok,
                CheckGate = roll switch { 1 => null, < 10 => Gate.Clean, < 16 => Gate.NeedsReview, _ => Gate.Blocked },
                CreatedUtc = start.AddMinutes(rng.Next(120)),
            });
        }
        db.Variants.AddRange(variants);
        await db.SaveChangesAsync();
        return variants;
    }
}
