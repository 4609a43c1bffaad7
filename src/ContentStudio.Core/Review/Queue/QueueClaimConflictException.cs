using ContentStudio.Core.Channels;
using ContentStudio.Core.Checks;
using ContentStudio.Core.Generation;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Core.Review.Queue;

/// <summary>Someone else holds the variant.</summary>
public sealed class QueueClaimConflictException(Guid variantId, string heldBy, DateTime? since)
    : InvalidOperationException($"Variant {variantId} is already claimed by {heldBy}{(since is { } s ? $" (since {s:yyyy-MM-dd HH:mm} UTC)" : "")}; ask them to release it.")
{
    public Guid VariantId { get; } = variantId;
    public string HeldBy { get; } = heldBy;
}
