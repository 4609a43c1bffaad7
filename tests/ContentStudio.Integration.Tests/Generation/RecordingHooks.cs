using System.Collections.Concurrent;
using ContentStudio.Core.Generation;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Integration.Tests.Generation;

/// <summary>A post-processor and run-completed handler that records what it saw and can be told to act.</summary>
public sealed class RecordingHooks : IVariantPostProcessor, IRunCompletedHandler
{
    public ConcurrentQueue<Guid> ProcessedTasks { get; } = new();
    public ConcurrentQueue<RunProgress> CompletedRuns { get; } = new();
    public Action<VariantPostProcessContext>? OnVariant { get; set; }

    public Task ProcessAsync(VariantPostProcessContext context, CancellationToken cancellationToken)
    {
        ProcessedTasks.Enqueue(context.Variant.TaskId);
        OnVariant?.Invoke(context);
        return Task.CompletedTask;
    }

    public Task OnRunCompletedAsync(RunProgress progress, CancellationToken cancellationToken)
    {
        CompletedRuns.Enqueue(progress);
        return Task.CompletedTask;
    }
}
