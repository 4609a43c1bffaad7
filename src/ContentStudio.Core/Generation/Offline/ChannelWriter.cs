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
        var short_ = f.Feedback.Shorter;
        // "Shorter" asks for a subject that reads at a glance too: the first hook within 40 characters.
        var subject = Headline(d.Hooks, short_ ? Math.Min(40, Max(c, "subject")) : Max(c, "subject"), f);
        var preheader = TextFit.FirstThatFits(
            d.Support(int.MaxValue).Concat(d.Lead.Skip(1)).Concat(d.OfferLine is null ? [] : [d.OfferLine])
                .Where(s => !Same(s, subject)), Max(c, "preheader"));

        var supportCount = short_ ? 0 : f.Feedback.Longer ? int.MaxValue : 2;
        var paragraphs = new List<string> { d.Greeting, string.Join(' ', d.Opening(f.Feedback.OfferFirst)) };
        if (supportCount > 0) paragraphs.Add(string.Join(' ', d.Support(supportCount)));
        if (d.Close.Length > 0) paragraphs.Add(d.Close);
        paragraphs.Add(d.SignOff);
        var body = WithTail(paragraphs, Max(c, "body"), f.Disclaimer, "\n\n");
        return new() { ["subject"] = subject, ["preheader"] = preheader, ["body"] = body, ["cta"] = Cta(c, "cta", f) };
    }

    private static Dictionary<string, string> Sms(ChannelSpec c, CopyFacts f, Draft d)
    {
        var max = Max(c, "body");
        // Shorter asks for one segment when the required text leaves room; otherwise the channel limit.
        var segments = f.Feedback.Shorter ? 1 : c.MaxSmsSegments ?? 1;
        // The call to action, disclaimer and opt-out are kept whole; the copy before them is fitted.
        var tail = CopyPolish.ToGsm7(string.Join(' ', new[] { d.CtaLine, f.Disclaimer, f.OptOut }.OfType<string>()));
        var prefix = CopyPolish.ToGsm7(f.BrandName) + ": ";
        bool Fits(string text, int segs)
        {
            var full = prefix + text + " " + tail;
            return full.Length <= max && SmsSegmentCounter.Count(full).Segments <= segs;
        }
        var pool = d.Opening(f.Feedback.OfferFirst).Concat(f.Feedback.Shorter ? [] : d.Support(1))
            .Select(CopyPolish.ToGsm7).ToList();
        var text = TextFit.Join(pool, s => Fits(s, segments));
        if (text.Length == 0 && segments < (c.MaxSmsSegments ?? 1))
            text = TextFit.Join(pool, s => Fits(s, c.MaxSmsSegments ?? 1));
        // The brand name opens every text so the reader knows the sender, unless the copy already does.
        if (text.StartsWith(f.BrandName, StringComparison.Ordinal)) prefix = "";
        var body = text.Length == 0 ? CopyPolish.ToGsm7(f.BrandName) + ": " + tail : prefix + text + " " + tail;
        return new() { ["body"] = body };
    }

    private static Dictionary<string, string> Ad(ChannelSpec c, CopyFacts f, Draft d)
    {
        var headline = Headline(d.Hooks, Max(c, "headline"), f);
        var pool = Body(f, d, headline, support: 0).Append(d.CtaLine);
        var max = Max(c, "description");
        // A disclaimer goes in when it leaves room for a real sentence; the checks flag an ad where it cannot.
        var tail = f.Disclaimer is { } disc && disc.Length + 25 <= max ? disc : null;
        return new() { ["headline"] = headline, ["description"] = Naming(f, headline, pool.ToList(), p => WithTail(p, max, tail)) };
    }

    private static Dictionary<string, string> Social(ChannelSpec c, CopyFacts f, Draft d)
    {
        var pool = Body(f, d, "", support: f.Feedback.Shorter ? 0 : f.Feedback.Longer ? 3 : 1).Append(d.CtaLine).ToList();
        if (d.Emoji is not null) pool[^1] += " " + d.Emoji;
        var post = WithTail(pool, Max(c, "post"), f.Disclaimer);
        var tags = TextFit.Join(d.Hashtags.Take(3), Max(c, "hashtags"));
        return new() { ["post"] = post, ["hashtags"] = tags.StartsWith('#') ? tags : "" };
    }

    private static Dictionary<string, string> Landing(ChannelSpec c, CopyFacts f, Draft d)
    {
        var headline = Headline(d.Hooks, Max(c, "headline"), f);
        var pool = Body(f, d, headline, support: f.Feedback.Shorter ? 0 : 1);
        return new()
        {
            ["headline"] = headline,
            ["subheadline"] = WithTail(pool, Max(c, "subheadline"), f.Disclaimer),
            ["cta"] = Cta(c, "cta", f),
        };
    }

    private static Dictionary<string, string> Push(ChannelSpec c, CopyFacts f, Draft d)
    {
        var title = Headline(d.Hooks, Max(c, "title"), f);
        var pool = Body(f, d, title, support: 0).Append(d.CtaLine);
        return new() { ["title"] = title, ["body"] = Naming(f, title, pool.ToList(), p => WithTail(p, Max(c, "body"), f.Disclaimer)) };
    }

    /// <summary>Opening, offer and supporting lines, without the sentence already used as the headline.</summary>
    private static IEnumerable<string> Body(CopyFacts f, Draft d, string headline, int support) =>
        d.Opening(f.Feedback.OfferFirst).Concat(d.Support(support)).Where(s => !Same(s, headline));

    /// <summary>Short channels must still say what is on offer: when the headline and the fitted text leave
    /// the product unnamed, the opening sentence makes room for the next one, which names it
    /// ("Tired of ...?" above "That's where X comes in." reads as one thought).</summary>
    private static string Naming(CopyFacts f, string headline, List<string> pool, Func<IEnumerable<string>, string> fit)
    {
        var text = fit(pool);
        bool Names(string t) => t.Contains(f.Product, StringComparison.Ordinal) || t.Contains(f.BrandName, StringComparison.Ordinal);
        if (Names(headline) || Names(text) || pool.Count < 2) return text;
        var shifted = fit(pool.Skip(1));
        return Names(shifted) ? shifted : text;
    }

    /// <summary>The first hook that fits whole, then the product's own name, and only then a cut hook.</summary>
    private static string Headline(IReadOnlyList<string> hooks, int max, CopyFacts f) =>
        hooks.FirstOrDefault(h => h.Length <= max) ?? TextFit.FirstThatFits(hooks.Append(f.Product), max);

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
