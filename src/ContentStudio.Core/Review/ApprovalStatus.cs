using ContentStudio.Core.Generation;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Core.Review;

/// <summary>Whether the variant carries an approval that still holds: its latest approval's hash equals the
/// current content hash. <see cref="Approval"/> is that latest approval (null when there never was one).</summary>
public sealed record ApprovalStatus(bool IsValid, ReviewDecision? Approval, string CurrentContentHash, string? Reason);
