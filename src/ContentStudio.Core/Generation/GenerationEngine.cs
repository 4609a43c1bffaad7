using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ContentStudio.Core.Brands;
using ContentStudio.Core.Campaigns;
using ContentStudio.Core.Channels;
using ContentStudio.Core.Data;
using ContentStudio.Core.Data.Leasing;
using ContentStudio.Core.Llm;
using ContentStudio.Core.Llm.Budgets;
using ContentStudio.Core.Segments;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Core.Generation;

/// <summary>Does the work of generation runs: claims tasks with a lease, calls the generator with bounded
/// concurrency, saves each variant with its task's new state (or puts the task back to wait when the provider was only
/// busy or down), and closes runs. Usable without hosting (the CLI
/// calls <see cref="RunUntilIdleAsync"/>); <see cref="GenerationWorker"/> calls it in a loop. Several engines, in
/// one process or many, may work the same database at once.</summary>
public sealed class GenerationEngine(
    IDbContextFactory<StudioDbContext> dbFactory,
    IVariantGenerator generator,
    IBrandCatalog brands,
    SegmentStore segments,
    ILiveEvents live,
    IEnumerable<IVariantPostProcessor> postProcessors,
    IEnumerable<IRunCompletedHandler> completedHandlers,
    IOptions<GenerationOptions> options,
    TimeProvider clock,
    ILogger<GenerationEngine> logger)
{
    private readonly IVariantPostProcessor[] _postProcessors = [.. postProcessors];
    private readonly IRunCompletedHandler[] _completedHandlers = [.. completedHandlers];

    /// <summary>Names this engine in task leases.</summary>
    public string WorkerId { get; } = LeasedWork.NewWorkerId();

    /// <summary>Claims one batch (of any active run, or of <paramref name="runId"/> only) and processes it.
    /// Returns how many tasks were claimed; 0 means nothing was claimable.</summary>
    public async Task<int> ProcessAsync(Guid? runId = null, CancellationToken ct = default)
    {
        var o = options.Value;
        var claimed = await ClaimAsync(o.BatchSize, runId, ct);
        await Parallel.ForEachAsync(claimed, new ParallelOptions { MaxDegreeOfParallelism = o.WorkerConcurrency, CancellationToken = ct },
            async (taskId, token) => await ExecuteGuardedAsync(taskId, token));
        return claimed.Count;
    }

    /// <summary>One task's database trouble must not abandon the rest of the batch. The task keeps its lease, which
    /// works as a back-off: it is claimed again when the lease runs out, until MaxAttempts gives up on it.</summary>
    private async Task ExecuteGuardedAsync(Guid taskId, CancellationToken ct) => await ExecuteGuardedAsync(taskId, null, ct);

    private async Task ExecuteGuardedAsync(Guid taskId, EngineSlots? slots, CancellationToken ct)
    {
        await Task.Yield(); // the claim loop goes on claiming while this task starts
        using var tracked = slots?.Track(taskId);
        try { await ExecuteAsync(taskId, ct); }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            logger.LogError(e, "Task {TaskId} failed; it will be retried when its lease expires", taskId);
        }
    }

    /// <summary>Works tasks until nothing is claimable, closing runs whose tasks are all finished (also runs left open by
    /// a crash). Returns the number of tasks processed. Tasks held by another live worker are left to it, and tasks
    /// waiting out a provider's weather (NotBeforeUtc ahead) to a later call: the worker polls.</summary>
    public async Task<int> RunUntilIdleAsync(Guid? runId = null, CancellationToken ct = default)
    {
        await CompleteFinishedRunsAsync(runId, ct);
        var total = await KeepSlotsBusyAsync(runId, ct);
        await CompleteFinishedRunsAsync(runId, ct);
        return total;
    }

    /// <summary>Keeps working <paramref name="runId"/> until every one of its tasks is finished: the "drain" of generation,
    /// like the outbox dispatcher's DrainAsync. Tasks another worker holds are waited for and taken over when its lease
    /// runs out (a killed `studio generate`); tasks waiting out the provider's weather are done when their time comes.
    /// <paramref name="waiting"/> hears, between rounds, why the run is not finished yet.</summary>
    public async Task<RunProgress?> DrainAsync(Guid runId, Action<RunProgress>? waiting = null, CancellationToken ct = default)
    {
        while (true)
        {
            await RunUntilIdleAsync(runId, ct);
            RunProgress? progress;
            await using (var db = await dbFactory.CreateDbContextAsync(ct))
                progress = await RunProgressReader.ReadAsync(db, runId, Now, ct);
            // A used-up daily budget waits for midnight UTC: the worker goes on then, not this drain.
            if (progress is null || progress.IsOver || progress.Pending + progress.InProgress == 0 || progress.IsWaitingForBudget) return progress;
            waiting?.Invoke(progress);
            await Task.Delay(TimeSpan.FromMilliseconds(options.Value.PollIntervalMilliseconds), clock, ct);
        }
    }

    /// <summary>Keeps WorkerConcurrency tasks busy and refills every free place at once, instead of claiming a batch and
    /// awaiting all of it (one slow task, a hung call or a long back-off, would idle every other place). A task whose
    /// model call is backing off does not count as busy (<see cref="EngineSlots"/>); at most twice WorkerConcurrency
    /// tasks are held in all. The loop wakes when a task ends, when one starts or stops backing off, and when the
    /// earliest put-back task's NotBeforeUtc comes, so a ready task never waits for an unrelated slow one to finish.</summary>
    private async Task<int> KeepSlotsBusyAsync(Guid? runId, CancellationToken ct)
    {
        var o = options.Value;
        var slots = new EngineSlots();
        var running = new List<Task>();
        var total = 0;
        try
        {
            while (true)
            {
                var changed = slots.Changed; // before counting, so a change while claiming is not missed
                var shortOfWork = false;
                var paused = ClaimsPausedFor();
                while (paused is null)
                {
                    var free = Math.Min(o.WorkerConcurrency - (running.Count - slots.BackingOff), 2 * o.WorkerConcurrency - running.Count);
                    if (free <= 0) break;
                    var wanted = Math.Min(free, o.BatchSize);
                    var claimed = await ClaimAsync(wanted, runId, ct);
                    total += claimed.Count;
                    foreach (var id in claimed) running.Add(ExecuteGuardedAsync(id, slots, ct));
                    if (claimed.Count < wanted) { shortOfWork = true; break; } // nothing more claimable now
                }
                if (running.Count == 0) return total; // nothing running and nothing claimable
                using var timer = CancellationTokenSource.CreateLinkedTokenSource(ct);
                var due = paused ?? (shortOfWork ? await NextNotBeforeAsync(runId, ct) : null);
                var wakeUp = due is { } wait ? Task.Delay(wait, clock, timer.Token) : Task.Delay(Timeout.Infinite, timer.Token);
                await Task.WhenAny([.. running, changed, wakeUp]);
                await timer.CancelAsync();
                running.RemoveAll(t => t.IsCompleted);
            }
        }
        finally
        {
            // On cancellation, let the running tasks hand their claims back before returning.
            try { await Task.WhenAll(running); } catch (OperationCanceledException) { }
        }
    }

    /// <summary>The circuit is open (the provider keeps failing): a task claimed now would only bounce off it and be put
    /// back, so the engine claims nothing until the circuit's break ends. The run then stands still with every task
    /// waiting, which the run page shows as "waiting for the provider until HH:MM".</summary>
    private TimeSpan? ClaimsPausedFor()
    {
        var left = new DateTime(Interlocked.Read(ref _claimsPausedUntilTicks), DateTimeKind.Utc) - Now;
        return left > TimeSpan.Zero ? left : null;
    }

    private long _claimsPausedUntilTicks;

    private void PauseClaimsUntil(DateTime untilUtc)
    {
        for (var seen = Interlocked.Read(ref _claimsPausedUntilTicks); untilUtc.Ticks > seen;)
        {
            var was = Interlocked.CompareExchange(ref _claimsPausedUntilTicks, untilUtc.Ticks, seen);
            if (was == seen) break;
            seen = was;
        }
    }

    /// <summary>How long until the earliest put-back task of the active runs (or of <paramref name="runId"/>) may be claimed;
    /// null when none waits.</summary>
    private async Task<TimeSpan?> NextNotBeforeAsync(Guid? runId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = Now;
        var waiting = db.GenerationTasks.Where(t => t.Status == GenerationTaskStatus.Pending && t.NotBeforeUtc > now);
        var next = await TaskLeases.OfActiveRuns(runId).Linq(db, waiting).OrderBy(t => t.NotBeforeUtc).Select(t => t.NotBeforeUtc).FirstOrDefaultAsync(ct);
        return next is { } at ? at - now + TimeSpan.FromMilliseconds(10) : null;
    }

    internal async Task<IReadOnlyList<Guid>> ClaimAsync(int max, Guid? runId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var lease = TimeSpan.FromSeconds(options.Value.LeaseSeconds);
        return await LeasedWork.ClaimAsync(db, TaskLeases.Queue, TaskLeases.OfActiveRuns(runId), WorkerId, max, Now, lease, ct);
    }

    /// <summary>Generates and saves one claimed task.</summary>
    internal async Task ExecuteAsync(Guid taskId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // One round trip for the task, its run and its campaign: per-task queries are most of a fast model's cost.
        var loaded = await (
            from t in db.GenerationTasks.AsNoTracking()
            where t.Id == taskId
            join r in db.GenerationRuns.AsNoTracking() on t.RunId equals r.Id
            join c in db.Campaigns.AsNoTracking() on r.CampaignId equals c.Id
            select new { Task = t, Run = r, Campaign = c }).FirstAsync(ct);
        var (task, run, campaign) = (loaded.Task, loaded.Run, loaded.Campaign);
        // Cancelled (or finished by another worker) since the claim: no model call for nothing.
        if (task.Status != GenerationTaskStatus.Claimed || run.CancelRequested) return;
        if (run.Status == RunStatus.Queued)
            await db.GenerationRuns.Where(r => r.Id == run.Id && r.Status == RunStatus.Queued)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, RunStatus.Running).SetProperty(r => r.StartedUtc, Now), ct);

        // Every model call made for this task (the reply, its re-asks, the judges) counts against the budgets of the
        // person who started the run and of the campaign's brand.
        using var caller = LlmCaller.Enter(new LlmCaller(run.CreatedBy, campaign.Id, campaign.Brief.BrandSlug));
        var maxAttempts = options.Value.MaxAttempts;
        var (request, problem) = task.Attempts > maxAttempts
            // Claimed this often without finishing: something kills the worker or the save. Stop and ask a person.
            ? (null, $"Gave up after {task.Attempts - 1} attempts that did not finish (worker stopped or the save failed).")
            : await BuildRequestAsync(campaign.Brief, task, ct);
        GeneratedVariant generated;
        try
        {
            if (request is null) generated = Failed(problem!);
            else
            {
                await using var keeper = new LeaseKeeper(token => RenewLeaseAsync(taskId, token),
                    TimeSpan.FromSeconds(options.Value.LeaseSeconds / 3.0), clock, logger, taskId, ct);
                generated = await generator.GenerateAsync(request, ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            await ReleaseAsync(taskId);
            throw;
        }
        catch (Exception e)
        {
            // The generator promises not to throw; if it does anyway, a person looks at it instead of the run failing.
            logger.LogError(e, "Generator failed on task {TaskId}", taskId);
            generated = Failed($"The generator failed: {e.Message}");
        }

        if (request is not null && generated.FailureKind == ModelFailureKind.BudgetExceeded)
        {
            await WaitForBudgetAsync(db, task, generated, run.Id, ct);
            return;
        }
        if (request is not null && generated.Transient)
        {
            if (TransientRequeue.Allowed(task, generated, options.Value))
            {
                await RequeueAsync(db, task, generated, run.Id, ct);
                return;
            }
            generated = generated with { Problem = TransientRequeue.GaveUp(generated, task) };
        }

        var (result, outcome) = await VariantWriter.SaveAsync(db, task, campaign.Id, request, generated, _postProcessors, Now, ct);
        logger.LogDebug("Task {TaskId} ({Segment}/{Channel}/{Index}): {Result} {Outcome}",
            taskId, task.SegmentKey, task.Channel, task.VariantIndex, result, outcome);
        var progress = await PublishAsync(db, run.Id, ct);
        // The progress was read after this task's commit: while it shows work left, the worker that finishes the
        // last task sees none left (its read follows every other commit) and closes the run.
        if (result == SaveResult.Saved && progress is { Pending: 0, InProgress: 0 }) await TryCompleteRunAsync(db, run.Id, ct);
    }

    /// <summary>Back to waiting until the provider's weather should have passed; the progress then shows the wait.</summary>
    private async Task RequeueAsync(StudioDbContext db, GenerationTask task, GeneratedVariant generated, Guid runId, CancellationToken ct)
    {
        var wait = TransientRequeue.Delay(task, generated, options.Value);
        if (generated.FailureKind == ModelFailureKind.CircuitOpen) PauseClaimsUntil(Now + wait);
        if (!await TransientRequeue.RequeueAsync(db, task.Id, WorkerId, Now + wait, ct)) return; // lost the lease: not ours to move
        logger.LogInformation("Task {TaskId} waits {WaitSeconds:0.#} s for the provider ({Requeues} of {Max}): {Problem}",
            task.Id, wait.TotalSeconds, task.Requeues + 1, options.Value.MaxTransientRequeues, generated.Problem);
        await PublishAsync(db, runId, ct);
    }

    /// <summary>A used-up daily budget is not the task's failure: back to waiting until the budget resets (the next UTC
    /// midnight), and the run page says so. Nothing is lost; the run goes on by itself after midnight.</summary>
    private async Task WaitForBudgetAsync(StudioDbContext db, GenerationTask task, GeneratedVariant generated, Guid runId, CancellationToken ct)
    {
        var reset = SpendLimits.ResetAfter(Now);
        if (!await TransientRequeue.WaitForBudgetAsync(db, task.Id, WorkerId, reset, ct)) return;
        logger.LogInformation("Task {TaskId} waits for the daily budget to reset at {ResetUtc:yyyy-MM-dd HH:mm} UTC: {Problem}",
            task.Id, reset, generated.Problem);
        await PublishAsync(db, runId, ct);
    }

    private async Task<(CompositionRequest? Request, string? Problem)> BuildRequestAsync(CampaignBrief brief, GenerationTask task, CancellationToken ct)
    {
        var brand = brands.Find(brief.BrandSlug);
        if (brand is null) return (null, $"Brand '{brief.BrandSlug}' is no longer in the brand guides; fix or restore its guide and regenerate.");
        var segment = await segments.GetAsync(brief.BrandSlug, task.SegmentKey, ct);
        if (segment is null) return (null, $"Segment '{task.SegmentKey}' no longer exists for brand '{brief.BrandSlug}'; re-import it and regenerate.");
        return (new CompositionRequest(brand, segment, ChannelCatalog.Get(task.Channel), brief, task.VariantIndex, task.Seed,
            CompositionRequest.CapFeedback(task.Feedback)), null);
    }

    private static GeneratedVariant Failed(string problem) =>
        new(VariantOutcome.NeedsAttention, new Dictionary<string, string>(), "", new VariantProvenance("", "", "", "", "", 0, 0, 0, 0), problem);

    /// <summary>On shutdown, hand a claimed task back at once rather than making others wait for the lease.</summary>
    private async Task ReleaseAsync(Guid taskId)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync();
            await db.GenerationTasks.Where(LeasedWork.HeldBy(TaskLeases.Queue, taskId, WorkerId))
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, GenerationTaskStatus.Pending)
                    .SetProperty(t => t.LeaseOwner, (string?)null).SetProperty(t => t.LeaseExpiresUtc, (DateTime?)null));
        }
        catch (Exception e) { logger.LogWarning(e, "Could not release task {TaskId}; its lease will expire", taskId); }
    }

    /// <summary>Extends this engine's lease on a task (while the model is still writing). False when the lease was lost.</summary>
    internal async Task<bool> RenewLeaseAsync(Guid taskId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var expires = Now + TimeSpan.FromSeconds(options.Value.LeaseSeconds);
        return await LeasedWork.RenewAsync(db, TaskLeases.Queue, taskId, WorkerId, expires, ct);
    }

    private async Task CompleteFinishedRunsAsync(Guid? runId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var open = db.GenerationRuns.Where(r => r.Status == RunStatus.Queued || r.Status == RunStatus.Running);
        if (runId is { } id) open = open.Where(r => r.Id == id);
        foreach (var run in await open.Select(r => r.Id).ToListAsync(ct))
            await TryCompleteRunAsync(db, run, ct);
    }

    /// <summary>Closes the run when no task is waiting or claimed. The conditional UPDATE lets exactly one worker
    /// win, and only the winner calls the run-completed hooks.</summary>
    private async Task TryCompleteRunAsync(StudioDbContext db, Guid runId, CancellationToken ct)
    {
        var unfinished = await db.GenerationTasks.AnyAsync(t => t.RunId == runId &&
            (t.Status == GenerationTaskStatus.Pending || t.Status == GenerationTaskStatus.Claimed), ct);
        if (unfinished) return;
        var now = Now;
        var closed = await db.GenerationRuns.Where(r => r.Id == runId && (r.Status == RunStatus.Queued || r.Status == RunStatus.Running))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, RunStatus.Completed).SetProperty(r => r.FinishedUtc, now)
                .SetProperty(r => r.StartedUtc, r => r.StartedUtc ?? now), ct);
        if (closed == 0) return;
        var progress = await RunProgressReader.ReadAsync(db, runId, Now, ct);
        if (progress is null) return;
        // Handlers (campaign checks) run before the final progress event, so a page that reloads on
        // "completed" already sees what they wrote.
        foreach (var handler in _completedHandlers)
        {
            try { await handler.OnRunCompletedAsync(progress, ct); }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Run-completed handler {Handler} failed for run {RunId}", handler.GetType().Name, runId);
            }
        }
        live.Publish(progress);
    }

    private async Task<RunProgress?> PublishAsync(StudioDbContext db, Guid runId, CancellationToken ct)
    {
        var progress = await RunProgressReader.ReadAsync(db, runId, Now, ct);
        if (progress is not null) live.Publish(progress);
        return progress;
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
