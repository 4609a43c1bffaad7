namespace ContentStudio.Core.Review;

/// <summary>The user may not take this action on this variant; <see cref="Exception.Message"/> says why.</summary>
public sealed class ReviewAuthorizationException(ReviewAction action, string reason) : InvalidOperationException(reason)
{
    public ReviewAction Action { get; } = action;
}

/// <summary>Someone saved the variant after this user loaded it. Carries both versions so the UI can show them side
/// by side and let the user re-apply their change on top of the current one (with <see cref="CurrentToken"/>).</summary>
public sealed class ReviewConflictException(ReviewedVariant current, IReadOnlyDictionary<string, string> attemptedFields, string? lastEditedBy)
    : InvalidOperationException(
        $"Variant {current.Id} was changed by {lastEditedBy ?? "someone else"} after you opened it; your edit was not saved. " +
        "Review the current version and apply your change again.")
{
    public ReviewedVariant Current { get; } = current;
    public IReadOnlyDictionary<string, string> AttemptedFields { get; } = attemptedFields;
    public string? LastEditedBy { get; } = lastEditedBy;
    public Guid CurrentToken => Current.ConcurrencyToken;
}

public sealed class VariantNotFoundException(Guid variantId) : KeyNotFoundException($"Variant {variantId} does not exist.")
{
    public Guid VariantId { get; } = variantId;
}
