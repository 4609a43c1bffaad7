using ContentStudio.Core.Llm;
namespace ContentStudio.Core.Generation.Offline;

/// <summary>The pieces of one variant before it is cut to a channel: headline candidates, lead, offer
/// line, supporting lines and the close. Every sentence has already passed the brand's word rules.</summary>
internal sealed record Draft(
    Angle Angle,
    IReadOnlyList<string> Hooks,
    IReadOnlyList<string> Lead,
    string? OfferLine,
    IReadOnlyList<string> KeyPoints,
    IReadOnlyList<string> Extras,
    string Close,
    string CtaLine,
    string Greeting,
    string SignOff,
    IReadOnlyList<string> Hashtags,
    string? Emoji)
{
    /// <summary>The other key messages and the audience lines (interest, brand term, reassurance), the
    /// audience lines first: short channels take from the front and so differ more between variants.</summary>
    public IEnumerable<string> Support(int count) => Extras.Take(1).Concat(KeyPoints).Concat(Extras.Skip(1)).Take(count);

    /// <summary>Lead and offer in reading order ("mention the offer earlier" puts the offer first).</summary>
    public IEnumerable<string> Opening(bool offerFirst) =>
        offerFirst && OfferLine is not null ? [OfferLine, .. Lead] : [.. Lead, .. OfferLine is null ? [] : new[] { OfferLine }];
}

internal static class DraftBuilder
{
    private static readonly string[] Emoji = ["✨", "🙌", "👋", "💬", "🌟"];

    public static Draft Build(Angle angle, CopyFacts f, Random rng, int r)
    {
        var opening = AngleCopy.Open(angle, f, rng, r);
        var hooks = Clean(f, opening.Hooks.Select(AngleCopy.Headline)).ToList();
        var lead = Clean(f, opening.Lead).ToList();
        var offerLine = opening.CarriesOffer ? null : OfferLine(f, r, f.Feedback.OfferFirst);

        if (f.Feedback.OfferFirst && f.Offer is not null && !opening.CarriesOffer)
            hooks.Insert(0, f.Offer);
        if (f.Casual && f.Exclamations > 0 && hooks.Count > 0 && char.IsLetterOrDigit(hooks[0][^1]) && rng.Next(2) == 0)
            hooks[0] += "!";
        hooks.AddRange(Clean(f, [$"Meet {f.Product}", f.Product, f.BrandName]));

        var keyPoints = KeyPoints(f, rng, r, lead);
        var extras = Extras(f, angle, rng, r);
        // Closing, sign-off and offer frames cycle with the variant, so neighbouring variants never share them.
        var close = Clean(f, [AngleCopy.Cycle(r, f.Formal
            ? ["We are here when you are ready.", "Find out more when it suits you.", "We look forward to hearing from you.",
               "Thank you for reading.", "If you have questions, we are here to help.", "Our team is here to help."]
            : ["We'd love to have you along.", "See you soon.", "Give it a try.", "Come and see for yourself.",
               "Talk soon.", "We can't wait to hear what you think."])]).FirstOrDefault() ?? "";
        // No "today" or "now" here: urgency comes only from the brief's offer and deadline.
        var ctaLine = AngleCopy.Cycle(r + 2, f.Formal
            ? [$"{f.Cta}.", $"{f.Cta} when it suits you.", $"{f.Cta} whenever you like."]
            : [$"{f.Cta}.", $"Ready? {f.Cta}.", $"{f.Cta} when you're ready.", $"{f.Cta} whenever you like."]);
        var cta = Clean(f, [ctaLine]).FirstOrDefault() ?? $"{f.Cta}.";
        var greeting = Clean(f, [AngleCopy.Cycle(r, f.Formal ? ["Hello,", "Good day,", "Dear reader,"] : ["Hi there,", "Hello,", "Hey there,", "Hi,"])])
            .FirstOrDefault() ?? "Hello,";
        var signOff = Clean(f, [AngleCopy.Cycle(r + 1, f.Formal
            ? [$"Kind regards,\n{f.BrandName}", $"The {f.BrandName} team", $"With warm regards,\nThe {f.BrandName} team"]
            : [$"Cheers,\nThe {f.BrandName} team", $"The {f.BrandName} team", $"Warmly,\nThe {f.BrandName} team"])])
            .FirstOrDefault() ?? $"The {f.BrandName} team";

        return new Draft(angle, hooks.Distinct().ToList(), lead, offerLine, keyPoints, extras, close, cta, greeting, signOff,
            Hashtags(f, rng, r), f.EmojiAllowed && f.Casual ? AngleCopy.Pick(rng, Emoji) : null);
    }

    /// <summary>The offer in a frame; an offer that opens the copy gets a frame that can open it
    /// ("Good news: ...", never "And there's more: ...").</summary>
    private static string? OfferLine(CopyFacts f, int r, bool opens)
    {
        if (f.Offer is null) return null;
        var offer = f.Inline(f.Offer);
        var core = f.Deadline is null ? offer : $"{offer}, {f.Deadline}";
        var line = AngleCopy.Cycle(r, (f.Formal, opens) switch
        {
            (true, true) => [$"Our current offer: {core}.", $"{AngleCopy.Up(core)}.", $"The offer: {core}."],
            (true, false) => [$"Our current offer: {core}.", $"{AngleCopy.Up(core)}.", $"The offer: {core}.",
                $"Please note our current offer: {core}.", $"You may also be interested in our offer: {core}."],
            (false, true) => [$"Right now: {core}.", $"Here's the offer: {core}.", $"{AngleCopy.Up(core)}.", $"Good news: {core}."],
            (false, false) => [$"Right now: {core}.", $"And there's more: {core}.", $"Here's the offer: {core}.",
                $"{AngleCopy.Up(core)}.", $"Good news: {core}."],
        });
        return f.Polish.Sentence(line);
    }

    /// <summary>The key messages the lead did not already say, in a rotating frame.</summary>
    private static List<string> KeyPoints(CopyFacts f, Random rng, int r, IReadOnlyList<string> lead)
    {
        var lines = new List<string>();
        for (var n = 0; n < f.KeyMessages.Count; n++)
        {
            var k = f.KeyMessage(r + n);
            if (lead.Any(l => l.Contains(k.TrimEnd('.'), StringComparison.OrdinalIgnoreCase))) continue;
            var inline = f.Inline(k);
            lines.Add(lines.Count == 0 ? k : f.Formal
                ? AngleCopy.Pick(rng, k, $"In addition: {inline}", $"Also worth knowing: {inline}")
                : AngleCopy.Pick(rng, k, $"Plus: {inline}", $"On top of that: {inline}"));
        }
        return Clean(f, lines).ToList();
    }

    /// <summary>The segment's interest, a brand term and, for audiences that want reassurance, a
    /// no-pressure line; shuffled so variants differ in order too.</summary>
    private static List<string> Extras(CopyFacts f, Angle angle, Random rng, int r)
    {
        var lines = new List<string>();
        var i = f.Interest(r + 1);
        lines.Add(AngleCopy.Cycle(r, f.Formal
            ? [$"It is designed with {i} in mind.", $"It fits around {i}.", $"It was made with {i} in mind."]
            : [$"It fits right in with {i}.", $"Made with {i} in mind.", $"A natural fit for {i}."]));
        if (f.Term(r) is { } term)
            lines.Add(AngleCopy.Cycle(r + 1, f.Formal
                ? [$"{AngleCopy.Up(term)}: that is what {f.BrandName} is about.", $"At {f.BrandName}, it comes down to {term}.",
                   $"At {f.BrandName}, we care about {term}."]
                : [$"{AngleCopy.Up(term)}: that's what {f.BrandName} is about.", $"At {f.BrandName}, it's all about {term}.",
                   $"At {f.BrandName}, we care about {term}."]));
        if (f.Reassure && angle != Angle.Urgency)
            lines.Add(AngleCopy.Cycle(r, f.Formal
                ? ["Take your time; there is no rush.", "Look it over at your own pace.", "There is no pressure to decide."]
                : ["Take your time; there's no rush.", "Go at your own pace.", "No pressure: see if it suits you.",
                   "Look it over whenever you like."]));

        var cleaned = Clean(f, lines).Distinct().ToList();
        for (var n = cleaned.Count - 1; n > 0; n--)
        {
            var j = rng.Next(n + 1);
            (cleaned[n], cleaned[j]) = (cleaned[j], cleaned[n]);
        }
        return cleaned;
    }

    private static List<string> Hashtags(CopyFacts f, Random rng, int r)
    {
        string[] seeds = [f.Product, f.Interest(r), f.Interest(r + 1), f.Term(r) ?? f.BrandName, f.BrandName];
        var tags = seeds.Select(Tag).Where(t => t.Length > 1).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return [.. tags.OrderBy(_ => rng.Next())];
    }

    private static string Tag(string text) =>
        "#" + string.Concat(text.Split([' ', '-', '_', '/', '&', '\''], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => new string(w.Where(char.IsLetterOrDigit).ToArray()))
            .Where(w => w.Length > 0)
            .Select(w => char.ToUpperInvariant(w[0]) + w[1..]));

    private static IEnumerable<string> Clean(CopyFacts f, IEnumerable<string> sentences) =>
        sentences.Select(f.Polish.Sentence).OfType<string>()
            .Where(s => !f.Feedback.NoQuestions || !s.Contains('?'));
}
