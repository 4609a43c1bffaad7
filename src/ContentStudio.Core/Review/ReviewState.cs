namespace ContentStudio.Core.Review;

/// <summary>Where a variant is in review. Stored as its name in Variant.ReviewState ("Generated" is the default
/// the generation writer leaves).</summary>
public enum ReviewState { Generated, InReview, Approved, Rejected, ChangesRequested, Scheduled, Published }

/// <summary>What a person can do to a variant. <see cref="OverrideApprove"/> moves the state like
/// <see cref="Approve"/> but is a separate action so it can be authorised and audited on its own.</summary>
public enum ReviewAction { Submit, Edit, Approve, OverrideApprove, Reject, RequestChanges, Schedule, Publish }
