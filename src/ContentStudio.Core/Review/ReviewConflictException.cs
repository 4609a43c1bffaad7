using ContentStudio.Core.Kernel;
namespace ContentStudio.Core.Review;

/// <summary>Someone saved the variant after this user loaded it. Carries both versions so the UI can show them side
/// by side and let the user re-apply their change on top of the current one (with <see cref="CurrentToken"/>).
/// For an approval, <see cref="AttemptedFields"/> is the current content: the reviewer approved an older version.</summary>
public sealed class ReviewConflictException(ReviewAction action, ReviewedVariant current, IReadOnlyDictionary<string, string> attemptedFields,
    string? lastEditedBy)
    : InvalidOperationException(
        $"Variant {current.Id} was changed by {lastEditedBy ?? "someone else"} after you opened it, so your " +
        $"{Noun(action)} was not saved. " +
        "Review the current version and try again.")
{
    public ReviewAction Action { get; } = action;
    public ReviewedVariant Current { get; } = current;
    public IReadOnlyDictionary<string, string> AttemptedFields { get; } = attemptedFields;
    public string? LastEditedBy { get; } = lastEditedBy;
    public Guid CurrentToken => Current.ConcurrencyToken;

    private static string Noun(ReviewAction action) => action switch
    {
        ReviewAction.Edit => "edit",
        ReviewAction.Approve => "approval",
        ReviewAction.OverrideApprove => "override",
        ReviewAction.Reject => "rejection",
        ReviewAction.RequestChanges => "change request",
        ReviewAction.Submit => "submission",
        ReviewAction.Schedule => "scheduling",
        _ => "publication",
    };
}
