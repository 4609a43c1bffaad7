namespace ContentStudio.Core.Kernel;

/// <summary>Where a variant is in review. Stored as its name in the Variants.ReviewState column (a string enum:
/// the values are the names, so the column reads the same as before it had a type).</summary>
public enum ReviewState { Generated, InReview, Approved, Rejected, ChangesRequested, Scheduled, Published }
