using ContentStudio.Core.Review;

namespace ContentStudio.Core.Publishing;

/// <summary>Approval evidence from the review workflow: the latest approval of a variant, only while it still
/// holds (the content hash it approved is the variant's current hash).</summary>
public sealed class ReviewApprovalEvidence(ReviewService reviews) : IApprovalEvidenceSource
{
    public async Task<ApprovalEvidence?> GetAsync(Guid variantId, CancellationToken cancellationToken)
    {
        try
        {
            var status = await reviews.GetApprovalAsync(variantId, cancellationToken);
            return status is { IsValid: true, Approval: { } a } ? new ApprovalEvidence(a.DecidedBy, a.AtUtc, a.ContentHash) : null;
        }
        catch (VariantNotFoundException)
        {
            return null;
        }
    }
}
