using ContentStudio.Core.Channels;

namespace ContentStudio.Core.Generation;

/// <summary>One unit of work: one variant for one segment on one channel. Claimed with a lease before the
/// model is called, so a crashed worker's task goes back to the pool when the lease runs out.</summary>
public sealed class GenerationTask
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid RunId { get; set; }
    /// <summary>Order of creation within the run (segment, then channel, then variant), so work and
    /// the grid follow the brief's order.</summary>
    public int Ordinal { get; set; }
    public string SegmentKey { get; set; } = "";
    public ChannelKind Channel { get; set; }
    public int VariantIndex { get; set; }
    public int Seed { get; set; }
    public GenerationTaskStatus Status { get; set; } = GenerationTaskStatus.Pending;
    public string? LeaseOwner { get; set; }
    public DateTime? LeaseExpiresUtc { get; set; }
    public int Attempts { get; set; }
    /// <summary>Not claimed before this time: set when the provider was busy or down, so the task waits out the weather
    /// instead of failing. Null for a task that may go at once.</summary>
    public DateTime? NotBeforeUtc { get; set; }
    /// <summary>How often the task was put back after a transient model failure; bounded by
    /// Generation:MaxTransientRequeues so a provider that never recovers still ends in NeedsAttention.</summary>
    public int Requeues { get; set; }
    /// <summary>A reviewer's requested changes: the task rewrites <see cref="ParentVariantId"/> with this feedback
    /// (it travels to the composer as CompositionRequest.Feedback). Null for ordinary generation.</summary>
    public string? Feedback { get; set; }
    public Guid? ParentVariantId { get; set; }
}
