namespace ContentStudio.Core.Llm.Offline;

/// <summary>The pieces of one variant before it is cut to a channel: headline candidates, lead, offer
/// line, supporting lines and the close. Every sentence has already passed the brand's word rules.</summary>
internal sealed record Draft(
    Angle Angle,
    IReadOnlyList<string> Hooks,
    IReadOnlyList<string> Lead,
    string? OfferLine,
    IReadOnlyList<string> Support,
    string Close,
    string Greeting,
    string SignOff,
    IReadOnlyList<string> Hashtags,
    string? Emoji)
{
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
        var offerLine = opening.CarriesOffer ? null : OfferLine(f, rng);

        if (f.Feedback.OfferFirst && f.Offer is not null && !opening.CarriesOffer)
            hooks.Insert(0, f.Offer);
        if (f.Casual && f.Exclamations > 0 && hooks.Count > 0 && char.IsLetterOrDigit(hooks[0][^1]) && rng.Next(2) == 0)
            hooks[0] += "!";
        hooks.AddRange(Clean(f, [$"Meet {f.Product}", f.Product, f.BrandName]));

        var used = lead.Concat(offerLine is null ? [] : [offerLine]).ToHashSet(StringComparer.Ordinal);
        var support = Support(f, angle, rng, r).Where(s => !used.Contains(s)).ToList();
        var close = Clean(f, [f.Formal
            ? AngleCopy.Pick(rng, "We are here when you are ready.", "Find out more when it suits you.", "We look forward to hearing from you.")
            : AngleCopy.Pick(rng, "We'd love to have you along.", "See you soon.", "Give it a try.", "Come and see for yourself.")])
            .FirstOrDefault() ?? "";
        var greeting = f.Formal ? AngleCopy.Pick(rng, "Hello,", "Good day,") : AngleCopy.Pick(rng, "Hi there,", "Hello,", "Hey there,");
        var signOff = f.Formal ? AngleCopy.Pick(rng, $"Kind regards,\n{f.BrandName}", $"The {f.BrandName} team")
            : AngleCopy.Pick(rng, $"Cheers,\nThe {f.BrandName} team", $"The {f.BrandName} team");

        return new Draft(angle, hooks.Distinct().ToList(), lead, offerLine, support, close, greeting, signOff,
            Hashtags(f, rng, r), f.EmojiAllowed && f.Casual ? AngleCopy.Pick(rng, Emoji) : null);
    }

    private static string? OfferLine(CopyFacts f, Random rng)
    {
        if (f.Offer is null) return null;
        var core = f.Deadline is null ? f.Offer : $"{f.Offer}, {f.Deadline}";
        var line = f.Formal
            ? AngleCopy.Pick(rng, $"Our current offer: {core}.", $"{core}.", $"The offer: {core}.")
            : AngleCopy.Pick(rng, $"Right now: {core}.", $"And there's more: {core}.", $"Here's the offer: {core}.", $"{core}.");
        return f.Polish.Sentence(line);
    }

    /// <summary>Key messages in a rotating frame, the segment's interest, a brand term and, for audiences
    /// that want reassurance, a no-pressure line. Shuffled so variants differ in order too.</summary>
    private static List<string> Support(CopyFacts f, Angle angle, Random rng, int r)
    {
        var lines = new List<string>();
        for (var n = 0; n < f.KeyMessages.Count; n++)
        {
            var k = f.KeyMessage(r + n);
            lines.Add(n == 0 ? k : f.Formal
                ? AngleCopy.Pick(rng, k, $"In addition: {k}", $"Also worth knowing: {k}")
                : AngleCopy.Pick(rng, k, $"Plus: {k}", $"On top of that: {k}"));
        }
        var i = f.Interest(r + 1);
        lines.Add(f.Formal
            ? AngleCopy.Pick(rng, $"It is designed with {i} in mind.", $"It fits around {i}.")
            : AngleCopy.Pick(rng, $"It fits right in with {i}.", $"Made with {i} in mind."));
        if (f.Term(r) is { } term)
            lines.Add(f.Say(AngleCopy.Pick(rng, $"It's all about {term}.", $"Think {term}, the {f.BrandName} way."),
                $"It comes down to {term}."));
        if (f.Reassure && angle != Angle.Urgency)
            lines.Add(f.Say("Take your time; there's no rush.", "Take your time; there is no rush."));

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
