namespace ContentStudio.Core.Kernel;

/// <summary>A message that live pages react to (a run's progress, a change in the review queue). Messages of one
/// <see cref="Stream"/> are delivered in order: one whose <see cref="Order"/> is lower than one already delivered on
/// that stream is dropped (workers finish in parallel, and another instance's messages arrive late), so a page never
/// steps backwards. Messages with an empty stream are never dropped.</summary>
public interface ILiveEvent
{
    string Stream { get; }
    long Order { get; }
}
