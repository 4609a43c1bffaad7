namespace ContentStudio.Core.Publishing;

/// <summary>Who approved a variant, when, and which content they saw. Publishing only sends a variant whose
/// current content hash equals <see cref="ContentHash"/>.</summary>
public sealed record ApprovalEvidence(string ApprovedBy, DateTime ApprovedUtc, string ContentHash);

/// <summary>Where publishing reads approvals from (implemented over the review tables). Null: no valid approval.</summary>
public interface IApprovalEvidenceSource
{
    Task<ApprovalEvidence?> GetAsync(Guid variantId, CancellationToken cancellationToken);
}
