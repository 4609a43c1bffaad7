using System.Text.RegularExpressions;
using ContentStudio.Core.Channels;
using ContentStudio.Core.Generation;
using ContentStudio.Core.Text;

namespace ContentStudio.Core.Tests.Generation.Offline.Quality;

/// <summary>One written variant and what it was written for.</summary>
public sealed record WrittenVariant(CorpusBrief Brief, CompositionRequest Request, IReadOnlyDictionary<string, string> Fields)
{
    public string AllText => string.Join("\n", Fields.Values);

    /// <summary>The copy the composer chose: every field without the brand's required disclaimer and opt-out, which
    /// are the same words in every variant by rule and would otherwise count as sameness.</summary>
    public string OwnText
    {
        get
        {
            var text = AllText;
            var brand = Request.Brand;
            foreach (var required in brand.Disclaimers.Values.Append(brand.SmsOptOut).Where(r => !string.IsNullOrWhiteSpace(r)))
                text = text.Replace(ContentStudio.Core.Generation.Offline.CopyPolish.ToGsm7(required), " ").Replace(required, " ");
            return text;
        }
    }
}

/// <summary>The automatic metrics of the copy-quality issue, computed over written variants.</summary>
public static partial class CopyMetrics
{
    /// <summary>Phrases that state support the brief never gives: social proof, testimonials, outcome promises,
    /// "made with you in mind" and "may help" claims.</summary>
    public static readonly Regex InventedSupport = new(
        @"\b(people who|already (use|love|rely)|join (others|people|thousands)|in good company|customers love|members love|" +
        @"loved by|trusted by|thousands|millions|award|#1|number one|guarantee[sd]?|in mind\.|with you in mind|made for you|" +
        @"may help|will help|helps you|designed (with|for)|made with .* in mind|you'?ll (save|love|get more))\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    /// <summary>Words no finished sentence ends on.</summary>
    private static readonly HashSet<string> Dangling = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "the", "and", "or", "but", "with", "to", "for", "of", "in", "on", "at", "by", "from", "your", "our",
        "their", "its", "is", "are", "be", "that", "this", "as", "into", "so", "if", "when", "than", "get", "make", "very",
    };

    public static IEnumerable<string> Sentences(string text) =>
        text.Split('\n').SelectMany(line => SentenceBreak().Split(line)).Select(s => s.Trim()).Where(s => s.Length > 0);

    /// <summary>Sentences proper: ending in . ! or ? with at least four words (greetings and sign-offs are not).</summary>
    public static IEnumerable<string> CountedSentences(string text) =>
        Sentences(text).Where(s => ".!?".Contains(s[^1]) && Diversity.Words(s).Count >= 4);

    public static bool IsTruncated(string sentence)
    {
        // The last word as written ("lock-in" is one word, not "in").
        var last = sentence.TrimEnd('.', '!', '?', ' ').Split(' ')[^1].Trim('"', '\'', '(', ')');
        return ".!?".Contains(sentence[^1]) && Dangling.Contains(last);
    }

    /// <summary>True when the copy uses one of the segment's interests or pain points, names aside ("savings" is not
    /// met by the product "Harbor High-Yield Savings").</summary>
    public static bool UsesSegment(WrittenVariant v)
    {
        var text = v.AllText;
        foreach (var name in v.Request.Brand.ProductNames.Append(v.Request.Brand.Name).OrderByDescending(n => n.Length))
            text = text.Replace(name, " ", StringComparison.OrdinalIgnoreCase);
        return v.Request.Segment.Interests.Concat(v.Request.Segment.PainPoints)
            .Any(p => text.Contains(p.Trim(), StringComparison.OrdinalIgnoreCase));
    }

    public static bool WithinLimits(WrittenVariant v) =>
        v.Request.Channel.Fields.All(f => f.MaxLength is not { } max || v.Fields.GetValueOrDefault(f.Name, "").Length <= max) &&
        (v.Request.Channel.Kind != ChannelKind.Sms || SmsSegmentCounter.Count(v.Fields["body"]).Segments <= (v.Request.Channel.MaxSmsSegments ?? 1));

    public sealed record Report(
        int Variants, int Duplicates, double MeanTrigram, double MaxTrigram, string MaxGroup, double SharedSentences,
        double SegmentFit, double AdSegmentFit, int Invented, int Truncated, int OverLimit, IReadOnlyList<string> Examples);

    public static Report Measure(IReadOnlyList<WrittenVariant> variants)
    {
        var duplicates = variants.GroupBy(v => (v.Brief.Name, v.AllText)).Sum(g => g.Count() - 1);

        var overlaps = variants.GroupBy(v => $"{v.Brief.Name} | {v.Request.Segment.Key} | {v.Request.Channel.Key}")
            .Select(g => (g.Key, Overlap: Diversity.MeanPairwiseTrigramOverlap(g.Select(v => v.OwnText).ToList()),
                Max: MaxPair(g.Select(v => v.OwnText).ToList())))
            .ToList();
        var worst = overlaps.MaxBy(o => o.Max);

        // A sentence occurrence counts as shared when the same sentence appears in another segment's copy of the brief.
        var shared = 0;
        var total = 0;
        foreach (var brief in variants.GroupBy(v => v.Brief.Name))
        {
            var segmentsOf = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
            var occurrences = brief.SelectMany(v => CountedSentences(v.OwnText).Select(s => (Sentence: s, Segment: v.Request.Segment.Key))).ToList();
            foreach (var (s, seg) in occurrences)
                (segmentsOf.TryGetValue(s, out var set) ? set : segmentsOf[s] = []).Add(seg);
            total += occurrences.Count;
            shared += occurrences.Count(o => segmentsOf[o.Sentence].Count > 1);
        }

        var invented = variants.Where(v => InventedSupport.IsMatch(v.OwnText)).Select(v => v.OwnText).ToList();
        var truncated = variants.SelectMany(v => Sentences(v.AllText)).Where(IsTruncated).ToList();
        var ads = variants.Where(v => v.Request.Channel.Kind == ChannelKind.Ad).ToList();
        return new Report(variants.Count, duplicates, overlaps.Average(o => o.Overlap), worst.Max, worst.Key,
            total == 0 ? 0 : (double)shared / total,
            variants.Count(UsesSegment) / (double)variants.Count,
            ads.Count == 0 ? 1 : ads.Count(UsesSegment) / (double)ads.Count,
            invented.Count, truncated.Count, variants.Count(v => !WithinLimits(v)),
            [.. invented.Take(3), .. truncated.Take(3), .. variants.Where(v => !UsesSegment(v)).Take(3).Select(v => v.AllText)]);
    }

    private static double MaxPair(IReadOnlyList<string> texts)
    {
        var max = 0.0;
        for (var i = 0; i < texts.Count; i++)
            for (var j = i + 1; j < texts.Count; j++)
                max = Math.Max(max, Diversity.TrigramJaccard(texts[i], texts[j]));
        return max;
    }

    [GeneratedRegex(@"(?<=[.!?])\s+")]
    private static partial Regex SentenceBreak();
}
