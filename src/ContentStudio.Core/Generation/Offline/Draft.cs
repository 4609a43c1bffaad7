namespace ContentStudio.Core.Generation.Offline;

/// <summary>The pieces of one variant before it is cut to a channel: headline candidates, lead, offer line, fact
/// lines, the close and the short lines short channels use. Every sentence has already passed the brand's word rules.</summary>
internal sealed record Draft(
    Angle Angle,
    int Variant,
    IReadOnlyList<string> Hooks,
    IReadOnlyList<string> SegmentHooks,
    IReadOnlyList<string> Lead,
    string? OfferLine,
    IReadOnlyList<string> KeyPoints,
    IReadOnlyList<string> ShortLines,
    IReadOnlyList<string> Teasers,
    IReadOnlyList<string> ShortFacts,
    string Close,
    string CtaLine,
    string PlainCta,
    string Greeting,
    string SignOff,
    IReadOnlyList<string> Hashtags,
    string? Emoji)
{
    /// <summary>The fact lines, at most <paramref name="count"/>.</summary>
    public IEnumerable<string> Support(int count) => KeyPoints.Take(count);

    /// <summary>Lead and offer in reading order (the offer first when the reviewer or the template asks for it).</summary>
    public IEnumerable<string> Opening(bool offerFirst) =>
        offerFirst && OfferLine is not null ? [OfferLine, .. Lead] : [.. Lead, .. OfferLine is null ? [] : new[] { OfferLine }];
}
