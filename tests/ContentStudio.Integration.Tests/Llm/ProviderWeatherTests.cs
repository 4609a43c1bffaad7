using ContentStudio.Testing;
using ContentStudio.Core;
using ContentStudio.Core.Campaigns;
using ContentStudio.Core.Channels;
using ContentStudio.Core.Data;
using ContentStudio.Core.Generation;
using ContentStudio.Core.Kernel;
using ContentStudio.Core.Llm;
using ContentStudio.Integration.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ContentStudio.Integration.Tests.Llm;

/// <summary>Rate limits and outages are weather, not failure: the whole studio (real SQLite, the background worker, the
/// real pipeline) against a real HTTP endpoint that is busy or down. Figures come from the server's own record of the
/// requests it was sent, not from how long the test took: the CI machine can be slow.</summary>
[Collection(LlmTestKit.Collection)]
public sealed class ProviderWeatherTests : IAsyncLifetime
{
    const int MaxConcurrency = 4;
    FakeOpenAiServer _server = null!;
    WholeStudio? _studio;

    public async Task InitializeAsync() => _server = await FakeOpenAiServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_studio is not null) await _studio.DisposeAsync();
        await _server.DisposeAsync();
    }

    async Task<IServiceProvider> StartAsync(Dictionary<string, string?> overrides)
    {
        var settings = WholeStudio.AgainstModel(_server);
        foreach (var (k, v) in new Dictionary<string, string?>
        {
            ["Llm:MaxConcurrency"] = $"{MaxConcurrency}",
            ["Llm:AttemptTimeoutSeconds"] = "1.5",
            ["Llm:TotalTimeoutSeconds"] = "8",
            ["Llm:RetryBaseDelayMilliseconds"] = "20",
            ["Checks:JudgesEnabled"] = "false",
            ["Generation:WorkerConcurrency"] = "8",
            ["Generation:PollIntervalMilliseconds"] = "100",
            ["Generation:RequeueDelaySeconds"] = "0.2",
            ["Generation:MaxRequeueDelaySeconds"] = "1",
        }) settings[k] = v;
        foreach (var (k, v) in overrides) settings[k] = v;
        _studio = await WholeStudio.StartAsync(settings);
        return _studio.Services;
    }

    /// <summary>Six segments × <paramref name="variants"/> ads, worked by the background worker until the run closes.</summary>
    static async Task<(Guid RunId, List<RunProgress> Reports)> RunAsync(IServiceProvider services, int variants)
    {
        var campaign = await services.GetRequiredService<CampaignService>().CreateAsync(new CampaignBrief
        {
            Name = "Weather", BrandSlug = "harbor-bank", Product = "Harbor High-Yield Savings", Objective = "Grow deposits",
            KeyMessages = ["Open in minutes in Harbor Mobile"], CallToAction = "Open an account", Channels = [ChannelKind.Ad],
            SegmentKeys = ["first-jobbers", "young-families", "women-business-owners", "pre-retirees", "seniors", "lapsed-savers"],
            VariantsPerSegment = variants,
        }, "marketer");
        var reports = new List<RunProgress>();
        var run = await services.GetRequiredService<GenerationService>().StartRunAsync(campaign.Id, "marketer");
        using var feed = services.GetRequiredService<ILiveEvents>().Subscribe<RunProgress>(p => { lock (reports) reports.Add(p); }, p => p.RunId == run.Id);
        using var worker = ActivatorUtilities.CreateInstance<GenerationWorker>(services);
        await worker.StartAsync(default);
        var generation = services.GetRequiredService<GenerationService>();
        // Generous: only a run that never closes fails here; the figures below come from the server's record.
        for (var deadline = DateTime.UtcNow.AddMinutes(3); (await generation.GetRunAsync(run.Id))!.Status != RunStatus.Completed;)
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, "the run did not complete");
            await Task.Delay(100);
        }
        await worker.StopAsync(default);
        lock (reports) return (run.Id, [.. reports]);
    }

    static async Task<List<Variant>> VariantsAsync(IServiceProvider services, Guid runId)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<StudioDbContext>>().CreateDbContextAsync();
        return await db.Variants.AsNoTracking().Where(v => v.RunId == runId).ToListAsync();
    }

    [Fact]
    public async Task ABusyProviderSlowsTheRunDownButLosesNothing()
    {
        _server.Faults = new FakeFaultMix(FakeReply.Text(LlmTestKit.GoodAd, TimeSpan.FromMilliseconds(20)))
        {
            RateLimited = 0.30, RetryAfter = "1", ServerError = 0.05, Hang = 0.02,
        };
        var services = await StartAsync([]);

        var (runId, _) = await RunAsync(services, variants: 10); // 60 tasks

        var variants = await VariantsAsync(services, runId);
        variants.Count.ShouldBe(60); // none lost
        variants.Select(v => v.TaskId).Distinct().Count().ShouldBe(60); // none doubled
        variants.Count(v => v.Outcome == VariantOutcome.Ok).ShouldBeGreaterThanOrEqualTo(60 * 99 / 100 + 1);

        var requests = _server.Requests;
        requests.Count(r => r.Status == 429).ShouldBeGreaterThan(5); // the weather really happened
        // Every request that followed a 429 for the same task came at least the Retry-After later.
        foreach (var task in requests.GroupBy(r => r.Seed))
            foreach (var (asked, next) in task.OrderBy(r => r.AtUtc).Zip(task.OrderBy(r => r.AtUtc).Skip(1)))
                if (asked.Status == 429)
                    (next.AtUtc - asked.AtUtc).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(990), $"task seed {task.Key}");
        _server.PeakConcurrency.ShouldBeLessThanOrEqualTo(MaxConcurrency);
        services.GetRequiredService<IChatClient>().GetService<ProviderThrottle>()!.PeakInFlight.ShouldBeLessThanOrEqualTo(MaxConcurrency);
    }

    [Fact]
    public async Task WhileOneTaskWaitsOutARetryAfterTheOtherSlotsKeepCalling()
    {
        // Two call slots and two tasks in progress. The first request is refused with a 6 s Retry-After; every other
        // answer takes 3 s (room for a slow machine to claim and prepare the next task). The refused task backs off holding no slot and no place in the engine, so the engine works two
        // other tasks meanwhile: two calls in flight together during the wait. Before, the backing-off task kept its place
        // (WorkerConcurrency) and the first 429 of the run closed the provider to everyone, so the calls in the wait went
        // one at a time, if at all.
        var latency = TimeSpan.FromSeconds(3);
        var retryAfter = TimeSpan.FromSeconds(6);
        _server.Then(FakeReply.Error(429, "6"), FakeReply.Text(LlmTestKit.GoodAd, latency));
        var services = await StartAsync(new()
        {
            ["Llm:MaxConcurrency"] = "2",
            ["Generation:WorkerConcurrency"] = "2",
            ["Llm:AttemptTimeoutSeconds"] = "20",
            ["Llm:TotalTimeoutSeconds"] = "60",
        });

        var (runId, _) = await RunAsync(services, variants: 1); // 6 tasks

        (await VariantsAsync(services, runId)).Count(v => v.Outcome == VariantOutcome.Ok).ShouldBe(6);
        var requests = _server.Requests.OrderBy(r => r.AtUtc).ToList();
        var refused = requests[0];
        refused.Status.ShouldBe(429);
        var retried = requests.First(r => r.Seed == refused.Seed && r.AtUtc > refused.AtUtc);
        (retried.AtUtc - refused.AtUtc).ShouldBeGreaterThanOrEqualTo(retryAfter - TimeSpan.FromMilliseconds(10)); // honoured
        var duringTheWait = requests.Where(r => r.AtUtc > refused.AtUtc && r.AtUtc < retried.AtUtc).ToList();
        // Two calls overlapped at the server when they started less than one answer's time apart.
        var overlapping = duringTheWait.Zip(duringTheWait.Skip(1)).Any(p => p.Second.AtUtc - p.First.AtUtc < latency);
        overlapping.ShouldBeTrue($"calls started during the wait at +{string.Join(", +", duringTheWait.Select(r => $"{(r.AtUtc - refused.AtUtc).TotalSeconds:F2} s"))}: " +
                                 "one at a time, so a slot idled while the refused task backed off");
        _server.PeakConcurrency.ShouldBeLessThanOrEqualTo(2); // never more than the configured calls in flight
    }

    [Fact]
    public async Task AnOutagePausesTheRunAndItResumesByItselfAfterRecovery()
    {
        _server.Faults = new FakeFaultMix(FakeReply.Text(LlmTestKit.GoodAd, TimeSpan.FromMilliseconds(20))) { Outage = TimeSpan.FromSeconds(4) };
        var services = await StartAsync(new()
        {
            ["Llm:MaxRetries"] = "1",
            ["Llm:CircuitBreakerMinimumThroughput"] = "4",
            ["Llm:CircuitBreakerBreakDurationSeconds"] = "1",
            ["Llm:CircuitBreakerSamplingDurationSeconds"] = "2",
            ["Generation:MaxTransientRequeues"] = "100",
        });

        var (runId, reports) = await RunAsync(services, variants: 5); // 30 tasks

        var variants = await VariantsAsync(services, runId);
        variants.Count.ShouldBe(30);
        variants.ShouldAllBe(v => v.Outcome == VariantOutcome.Ok); // no terminal failure
        reports.ShouldContain(p => p.IsWaitingForProvider && p.ProviderWaitUntilUtc != null); // the page said so

        var recovered = _server.Faults.OutageEndsUtc!.Value;
        var requests = _server.Requests;
        requests.Count(r => r.Status == 503).ShouldBeGreaterThan(0);
        // Resumed within the break (1 s) plus the longest requeue wait (1 s) plus slack for the poll and a slow machine.
        var firstAfter = requests.Where(r => r.AtUtc >= recovered).Min(r => r.AtUtc);
        (firstAfter - recovered).ShouldBeLessThan(TimeSpan.FromSeconds(1 + 1 + 3));
        (requests.Max(r => r.AtUtc) - recovered).ShouldBeLessThan(TimeSpan.FromSeconds(1 + 1 + 5));
    }
}
