using ContentStudio.Core.Channels;
using ContentStudio.Core.Text;
using ContentStudio.Core.Llm;

namespace ContentStudio.Core.Generation.Offline;

/// <summary>Cuts a draft to one channel: which pieces go in which field, within each field's limit, with
/// the brand's required disclaimer (and for SMS the opt-out) kept whole and the rest fitted around it.</summary>
internal static class ChannelWriter
{
    public static IReadOnlyDictionary<string, string> Write(ChannelSpec channel, CopyFacts f, Draft d)
    {
        var fields = channel.Kind switch
        {
            ChannelKind.Email => Email(channel, f, d),
            ChannelKind.Sms => Sms(channel, f, d),
            ChannelKind.Ad => Ad(channel, f, d),
            ChannelKind.Social => Social(channel, f, d),
            ChannelKind.LandingHero => Landing(channel, f, d),
            ChannelKind.Push => Push(channel, f, d),
            _ => throw new InvalidOperationException($"The offline composer has no layout for channel '{channel.Key}'."),
        };
        // Exactly the channel's fields, in its order, whatever the layout produced.
        return channel.Fields.ToDictionary(s => s.Name, s => fields.TryGetValue(s.Name, out var v) ? v : "");
    }

    private static Dictionary<string, string> Email(ChannelSpec c, CopyFacts f, Draft d)
    {
        // "Shorter" asks for a subject that reads at a glance too: the first hook within 40 characters.
        var subject = Headline(d.Hooks, f.Shorter ? Math.Min(40, Max(c, "subject")) : Max(c, "subject"), f);
        // The preheader adds to the subject: a line that neither repeats it nor opens the body.
        var preheader = TextFit.FirstThatFits(
            d.Teasers.Concat(d.ShortLines.Where(s => !s.Contains('?'))).Concat(d.Support(int.MaxValue)).Concat(d.Lead.Skip(1))
                .Concat(d.OfferLine is null ? [] : [d.OfferLine]).Concat(d.ShortFacts).Concat(d.Lead).Append(d.PlainCta)
                .Where(s => !Same(s, subject)), Max(c, "preheader"));

        var supportCount = f.Shorter ? 0 : f.Longer ? int.MaxValue : 2;
        var parts = new Dictionary<string, string>
        {
            ["lead"] = string.Join(' ', f.OfferFirst && d.OfferLine is not null ? [d.OfferLine, .. d.Lead] : d.Lead),
            ["facts"] = string.Join(' ', d.Support(supportCount).Where(s => s != preheader || supportCount > 1)
                .Concat(f.Longer ? d.Teasers.Where(t => t != preheader).Take(1) : [])),
            ["offer"] = f.OfferFirst ? "" : d.OfferLine ?? "",
            ["close"] = d.Close,
        };
        var order = f.Style.Structure is { Count: > 0 } declared
            ? declared.Concat(Prompts.PromptStyle.StructureParts.Where(p => !declared.Contains(p))) : Prompts.PromptStyle.StructureParts;
        var paragraphs = new List<string> { d.Greeting };
        paragraphs.AddRange(order.Select(p => parts.GetValueOrDefault(p, "")).Where(p => p.Length > 0));
        paragraphs.Add(d.SignOff);
        var body = WithTail(paragraphs, Max(c, "body"), f.Disclaimer, "\n\n");
        return new() { ["subject"] = subject, ["preheader"] = preheader, ["body"] = body, ["cta"] = Cta(c, "cta", f) };
    }

    private static Dictionary<string, string> Sms(ChannelSpec c, CopyFacts f, Draft d)
    {
        var max = Max(c, "body");
        // Shorter asks for one segment when the required text leaves room; otherwise the channel limit.
        var segments = f.Shorter ? 1 : c.MaxSmsSegments ?? 1;
        // The call to action and disclaimer are kept whole; the opt-out always ends the text.
        // The call to action beside the segment's words when that leaves room for a sentence, the bare one otherwise.
        // The call to action as briefed (capitalised, on its own), then the disclaimer and the opt-out.
        var tail = CopyPolish.ToGsm7(string.Join(' ', new[] { CopyText.Close(f.Cta), f.Disclaimer, f.OptOut }.OfType<string>()));
        var prefix = CopyPolish.ToGsm7(f.BrandName) + ": ";
        bool Fits(string text, int segs)
        {
            var full = prefix + text + " " + tail;
            return full.Length <= max && SmsSegmentCounter.Count(full).Segments <= segs;
        }
        // A text leads with the offer when there is one, then the reader's own world, then the lead.
        var offer = f.Offer is null ? null : CopyText.Close(f.Deadline is null ? f.Offer : $"{f.Offer}, {f.Deadline}");
        var pool = new List<string>();
        if (offer is not null) pool.Add(offer);
        if (!f.MentionsSegment(string.Join(' ', d.Lead))) pool.AddRange(d.ShortLines.Take(1));
        var rest = d.Lead.Where(l => offer is null || !l.Contains(f.Inline(f.Offer!), StringComparison.OrdinalIgnoreCase))
            .Concat(f.Shorter ? [] : d.Support(1)).ToList();
        // The product is named early: a text that only says "Free delivery" does not say what on.
        pool.AddRange(rest.Where(l => Names(f, l)).Concat(rest.Where(l => !Names(f, l))));
        var gsm = pool.Select(CopyPolish.ToGsm7).Distinct().ToList();
        var text = TextFit.Join(gsm, s => Fits(s, segments));
        if (text.Length == 0 && segments < (c.MaxSmsSegments ?? 1))
            text = TextFit.Join(gsm, s => Fits(s, c.MaxSmsSegments ?? 1));
        if (!Names(f, text) && TextFit.Join([.. gsm.Where(l => Names(f, l) || l == gsm[0])], s => Fits(s, segments)) is { Length: > 0 } named && Names(f, named))
            text = named;
        var body = text.Length == 0 ? prefix + tail : prefix + text + " " + tail;
        return new() { ["body"] = body };
    }

    private static Dictionary<string, string> Ad(ChannelSpec c, CopyFacts f, Draft d)
    {
        var max = Max(c, "description");
        // A disclaimer goes in when it leaves room for a real sentence; the checks flag an ad where it cannot.
        var tail = f.Disclaimer is { } disc && disc.Length + 25 <= max ? disc : null;
        return Short(f, d, Max(c, "headline"), text => WithTail(text, max, tail), "headline", "description");
    }

    private static Dictionary<string, string> Social(ChannelSpec c, CopyFacts f, Draft d)
    {
        var pool = d.Opening(f.OfferFirst).Concat(d.Support(f.Shorter ? 0 : f.Longer ? 3 : 1)).Append(d.CtaLine).ToList();
        if (!f.MentionsSegment(string.Join(' ', pool)) && d.ShortLines.Count > 0) pool.Insert(0, d.ShortLines[0]);
        if (d.Emoji is not null) pool[^1] += " " + d.Emoji;
        var post = WithTail(pool, Max(c, "post"), f.Disclaimer);
        if (!f.MentionsSegment(post) && d.ShortLines.Count > 0)
            post = WithTail(d.ShortLines.Take(1).Concat(pool.Skip(1)), Max(c, "post"), f.Disclaimer);
        var tags = TextFit.Join(d.Hashtags.Take(3), Max(c, "hashtags"));
        return new() { ["post"] = post, ["hashtags"] = tags.StartsWith('#') ? tags : "" };
    }

    private static Dictionary<string, string> Landing(ChannelSpec c, CopyFacts f, Draft d)
    {
        var headline = Headline(d.Hooks, Max(c, "headline"), f);
        var sub = Filled(f, d, headline, Body(f, d, headline, support: f.Shorter ? 0 : 1).ToList(),
            p => WithTail(p, Max(c, "subheadline"), f.Disclaimer));
        // The hero's button is the brief's call to action, word for word.
        return new() { ["headline"] = headline, ["subheadline"] = sub, ["cta"] = Cta(c, "cta", f) };
    }

    private static Dictionary<string, string> Push(ChannelSpec c, CopyFacts f, Draft d) =>
        Short(f, d, Max(c, "title"), text => WithTail(text, Max(c, "body"), f.Disclaimer), "title", "body");

    /// <summary>A headline and one short text (ads, push): the headline stands alone, the text does not repeat it,
    /// one of them names the product and one of them uses the segment's interests or pain points.</summary>
    private static Dictionary<string, string> Short(CopyFacts f, Draft d, int headlineMax, Func<IEnumerable<string>, string> fit,
        string headlineField, string textField)
    {
        var (headline, choices) = Headline(d, headlineMax, f);
        // Only lines that say something about the product: "Let's talk about X." alone under a headline says nothing.
        var pool = Body(f, d, headline, support: 0).Where(s => Names(f, s)).Append(d.CtaLine).ToList();
        var text = Filled(f, d, headline, pool, fit, d.Variant / choices);
        return new() { [headlineField] = headline, [textField] = text };
    }

    /// <summary>Fits the pool under a headline; when the room is small, the short lines (the segment's words) and
    /// the key messages on their own fill it, so the text never goes out empty, cut, or without the segment.</summary>
    private static string Filled(CopyFacts f, Draft d, string headline, List<string> pool, Func<IEnumerable<string>, string> fit, int round = 0)
    {
        var shortLines = d.ShortLines.Where(s => !Same(s, headline)).ToList();
        // The facts that fit on their own, starting from the variant's own, so small rooms still differ.
        var said = string.Join(' ', pool);
        var facts = d.ShortFacts.Where(s => fit([s]) != fit([]) && !said.Contains(s.TrimEnd('.'), StringComparison.OrdinalIgnoreCase)).ToList();
        // Once the headlines have all been used, the next round of variants starts from the next fact.
        var startAt = (d.Variant + round) % Math.Max(1, facts.Count);
        if (facts.Count > 1) facts = [.. facts.Skip(startAt), .. facts.Take(startAt)];
        // Under a headline (or a first line) that already names the segment, the facts; otherwise the segment's words first.
        var fallback = (f.MentionsSegment(headline + " " + fit(pool)) ? facts : shortLines.Take(1).Concat(facts))
            .Append(d.PlainCta).Where(s => !Same(s, headline));
        var text = Naming(f, headline, [.. pool, .. fallback], fit);
        if (!f.MentionsSegment(headline + " " + text))
            text = Naming(f, headline, [.. shortLines.Take(1), .. pool, .. facts, d.PlainCta], fit);
        return text;
    }

    /// <summary>Opening, offer and supporting lines, without the sentence already used as the headline.</summary>
    private static IEnumerable<string> Body(CopyFacts f, Draft d, string headline, int support) =>
        d.Opening(f.OfferFirst).Concat(d.Support(support)).Where(s => !Same(s, headline) && !Repeats(s, headline));

    /// <summary>True when the sentence carries the headline's words inside it ("For anyone into X, have you met P yet?"
    /// under "Have you met P?"): a title and body that repeat each other.</summary>
    private static bool Repeats(string sentence, string headline)
    {
        var core = headline.TrimEnd('?', '.', '!', ' ');
        return core.Length > 8 && sentence.Contains(core, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Short channels must still say what is on offer: when the headline and the fitted text leave
    /// the product unnamed, the opening sentence makes room for the next one, which names it
    /// ("Tired of ...?" above "That's where X comes in." reads as one thought).</summary>
    private static string Naming(CopyFacts f, string headline, List<string> pool, Func<IEnumerable<string>, string> fit)
    {
        var text = fit(pool);
        if (Names(f, headline) || Names(f, text) || pool.Count < 2) return text;
        var shifted = fit(pool.Skip(1));
        return Names(f, shifted) ? shifted : text;
    }

    private static bool Names(CopyFacts f, string t) =>
        t.Contains(f.Product, StringComparison.Ordinal) || t.Contains(f.BrandName, StringComparison.Ordinal);

    /// <summary>The first hook that fits whole, then the product's own name, and only then a cut hook.</summary>
    private static (string Headline, int Choices) Headline(Draft d, int max, CopyFacts f)
    {
        // The angle's own headline when one fits; otherwise the segment's headlines that fit, one per variant.
        var angle = d.Hooks.Where(h => !d.SegmentHooks.Contains(h)).TakeWhile(h => !h.EndsWith(f.Product, StringComparison.Ordinal) || h.Length > f.Product.Length + 5);
        if (angle.FirstOrDefault(h => h.Length <= max) is { } own) return (own, 1);
        var fitting = d.SegmentHooks.Where(h => h.Length <= max).ToList();
        return fitting.Count > 0 ? (fitting[d.Variant % fitting.Count], fitting.Count) : (Headline(d.Hooks, max, f), 1);
    }

    private static string Headline(IReadOnlyList<string> hooks, int max, CopyFacts f) =>
        hooks.FirstOrDefault(h => h.Length <= max) ?? (f.Product.Length <= max ? f.Product : TextFit.Fit(f.BrandName, max));

    private static string Cta(ChannelSpec c, string field, CopyFacts f) => TextFit.Fit(f.Cta, Max(c, field));

    /// <summary>The required text kept whole at the end, the copy fitted into what is left.</summary>
    private static string WithTail(IEnumerable<string> pool, int max, string? tail, string separator = " ")
    {
        if (tail is null || tail.Length > max) return TextFit.Join(pool, max, separator);
        var room = max - tail.Length - separator.Length;
        var text = room > 0 ? TextFit.Join(pool, room, separator) : "";
        return text.Length == 0 ? tail : text + separator + tail;
    }

    /// <summary>True when a sentence would only repeat the headline above it.</summary>
    private static bool Same(string sentence, string headline)
    {
        var (a, b) = (sentence.TrimEnd('.', '!', '?', ' '), headline.TrimEnd('.', '!', '?', ' '));
        if (b.Length == 0) return false;
        if (a.StartsWith(b, StringComparison.OrdinalIgnoreCase) || b.StartsWith(a, StringComparison.OrdinalIgnoreCase)) return true;
        var (wa, wb) = (Diversity.Words(a).ToHashSet(), Diversity.Words(b).ToHashSet());
        var shared = wa.Count(wb.Contains);
        return shared >= 0.6 * (wa.Count + wb.Count - shared);
    }

    private static int Max(ChannelSpec c, string field) => c.Field(field)?.MaxLength ?? int.MaxValue;
}
