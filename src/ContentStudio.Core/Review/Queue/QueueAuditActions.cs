using ContentStudio.Core.Channels;
using ContentStudio.Core.Checks;
using ContentStudio.Core.Generation;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Core.Review.Queue;

/// <summary>The audit action names of the queue.</summary>
public static class QueueAuditActions
{
    public const string Claimed = "review.claimed";
    public const string Released = "review.released";
    public const string Commented = "review.commented";
    public const string RevisionRequested = "review.revision-started";
}
