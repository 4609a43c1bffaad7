using System.Globalization;
using ContentStudio.Core.Channels;
using ContentStudio.Core.Generation;

namespace ContentStudio.Core.Review;

/// <summary>How much text a review action accepts. Constants, not settings: they are safety bounds far above any real
/// comment or edit, there so one pasted document is not stored twice (row + audit event) or sent to the model; a
/// deployment has no reason to raise them. Each refusal is an <see cref="ArgumentException"/> naming the field.</summary>
public static class ReviewLimits
{
    /// <summary>A queue comment (stored with its audit event).</summary>
    public const int MaxCommentLength = 10_000;

    /// <summary>A rejection reason, change-request feedback or override justification. Feedback becomes the model's
    /// instructions for the revision, so it shares the generation bound.</summary>
    public const int MaxDecisionTextLength = CompositionRequest.MaxFeedbackLength;

    /// <summary>An edited field may run this many times over its channel limit: the checks flag overlength copy, and an
    /// editor may draft long before cutting, but no field needs more.</summary>
    public const int EditedFieldLimitMultiple = 4;

    /// <summary>An edited field whose channel sets no limit (or a field the catalog does not know).</summary>
    public const int MaxUnlimitedFieldLength = 10_000;

    /// <summary>The most characters an edited field of <paramref name="channel"/> may hold.</summary>
    public static int MaxEditedFieldLength(ChannelKind channel, string field) =>
        ChannelCatalog.Get(channel).Field(field)?.MaxLength is { } max ? max * EditedFieldLimitMultiple : MaxUnlimitedFieldLength;

    /// <summary>Refuses <paramref name="text"/> longer than <paramref name="limit"/>, naming the field and the limit.</summary>
    public static void Check(string? text, int limit, string what, string paramName)
    {
        if (text is not null && text.Length > limit)
            throw new ArgumentException(TooLong(what, text.Length, limit), paramName);
    }

    /// <summary>"The comment is 2,097,152 characters; the limit is 10,000."</summary>
    public static string TooLong(string what, int length, int limit) =>
        string.Create(CultureInfo.InvariantCulture, $"{what} is {length:N0} characters; the limit is {limit:N0}.");
}
