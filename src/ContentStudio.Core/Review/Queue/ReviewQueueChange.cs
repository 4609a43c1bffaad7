using ContentStudio.Core.Kernel;

namespace ContentStudio.Core.Review.Queue;

/// <summary>What changed in the queue: a variant claimed, released, edited, decided, commented, or new ones arriving.
/// A live message (<see cref="ILiveEvents"/>), published by the review services after each committed action.</summary>
public sealed record ReviewQueueChange(Guid VariantId, string What, string Actor) : ILiveEvent
{
    string ILiveEvent.Stream => "";
    long ILiveEvent.Order => 0;
}
