using System.Collections.Concurrent;
using ContentStudio.Core.Publishing;

namespace ContentStudio.Integration.Tests.Publishing;

/// <summary>Approval evidence from a dictionary: what the review tables will answer once they exist.</summary>
public sealed class FakeApprovals : IApprovalEvidenceSource
{
    public ConcurrentDictionary<Guid, ApprovalEvidence> Evidence { get; } = new();

    public Task<ApprovalEvidence?> GetAsync(Guid variantId, CancellationToken cancellationToken) =>
        Task.FromResult(Evidence.TryGetValue(variantId, out var e) ? e : null);
}
