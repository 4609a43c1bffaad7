using ContentStudio.Core.Channels;
using ContentStudio.Core.Segments;

namespace ContentStudio.Core.Checks.CrossVariant;

/// <summary>Cross-segment fairness, read against the brief. Segments that differ by a protected attribute (age,
/// gender, ethnicity, religion, disability, sexual orientation, income, ...) must get the same offers, prices and
/// perks, unless the brief sanctions the extra for the segment that gets it or a justifying attribute (language,
/// locale, market, product fit, accessibility needs) explains the difference. Copy aimed at one group must not
/// stereotype or patronise it, nor be written down to it (reading level, compared within one channel and field).
/// One finding per disparity, naming every variant involved and the attribute.</summary>
public sealed class FairnessCheck(CampaignThresholds thresholds, FairnessVocabulary vocabulary) : ICampaignCheck
{
    public const string OfferRule = "campaign.fairness.offer-disparity";
    public const string PriceRule = "campaign.fairness.price-disparity";
    public const string ExclusionRule = "campaign.fairness.exclusion";
    public const string StereotypeRule = "campaign.fairness.stereotype";
    public const string CondescensionRule = "campaign.fairness.condescension";
    public const string ReadingGapRule = "campaign.fairness.reading-gap";

    public FairnessCheck(CampaignThresholds thresholds) : this(thresholds, FairnessVocabulary.Default) { }

    public IReadOnlyList<string> RuleIds { get; } = [OfferRule, PriceRule, ExclusionRule, StereotypeRule, CondescensionRule, ReadingGapRule];
    public IReadOnlyList<string> Categories { get; } = [CheckCategories.Fairness];
    public string VocabularyHash => vocabulary.DataHash;

    /// <summary>A disparity before disparities about the same variants are merged into one finding.</summary>
    private sealed record Raw(string Rule, HashSet<string> Variants, HashSet<string> Attributes, string Detail, Dictionary<string, string> Texts, string GroupKey = "");

    public void Run(CampaignCheckContext context)
    {
        var raws = new List<Raw>();
        var terms = context.Variants.ToDictionary(v => v, v => OfferTerms.Extract(TextOf(v), vocabulary.Perks));
        Disparities(context, terms, raws);
        ReadingGaps(context, raws);
        Framing(context, "stereotype", StereotypeRule, raws);
        Framing(context, "condescension", CondescensionRule, raws);
        foreach (var finding in Merge(raws)) context.Add(finding);
    }

    private static string TextOf(CampaignVariant v) => string.Join("\n", v.Fields.Values);

    // ---- offers, prices and perks ----

    private void Disparities(CampaignCheckContext context, Dictionary<CampaignVariant, List<OfferTerm>> terms, List<Raw> raws)
    {
        var entitled = OfferTerms.Extract(context.Brief.Offer, vocabulary.Perks);
        foreach (var channel in context.Variants.GroupBy(v => v.Channel))
        {
            var segments = channel.GroupBy(v => v.Segment.Key).Select(g => g.ToList()).ToList();
            // What each segment is told in this channel, less what the brief sanctions for it.
            var told = segments.ToDictionary(s => s[0].Segment.Key, s => s.SelectMany(v => terms[v].Select(t => (v, t)))
                .Where(x => !Sanctioned(context, s[0].Segment, x.t)).ToList());
            var identities = told.ToDictionary(kv => kv.Key, kv => kv.Value.Select(x => x.t.Identity).ToHashSet());
            var text = segments.ToDictionary(s => s[0].Segment.Key, s => string.Join("\n", s.Select(TextOf)));
            var names = new Dictionary<(string Segment, string Perk), bool>();
            for (var a = 0; a < segments.Count; a++)
                for (var b = 0; b < segments.Count; b++)
                {
                    if (a == b) continue;
                    var sa = segments[a][0].Segment; var sb = segments[b][0].Segment;
                    var attributes = SegmentComparison.Unjustified(sa, sb);
                    if (attributes.Count == 0) continue;
                    var mine = told[sa.Key]; var theirs = told[sb.Key];
                    // Offers and perks: what one segment is given and the other is not.
                    foreach (var group in mine.Where(x => x.t.Kind != OfferKind.Price).GroupBy(x => x.t.Identity))
                    {
                        var t = group.First().t;
                        if (identities[sb.Key].Contains(group.Key)) continue;
                        // A perk the other segment's copy names at all (in any wording) is not withheld from it.
                        if (t.Kind == OfferKind.Perk && (names.TryGetValue((sb.Key, t.Key), out var named) ? named
                            : names[(sb.Key, t.Key)] = vocabulary.Perks.Names(text[sb.Key], t.Key))) continue;
                        var isOffer = t.Kind == OfferKind.Offer || entitled.Any(e => e.Kind == OfferKind.Perk && e.Key == t.Key);
                        var holders = group.Select(x => x.v).Distinct().ToList();
                        raws.Add(new(isOffer ? OfferRule : ExclusionRule, Ids(holders.Concat(Counterparts(segments[b], holders))), [.. attributes],
                            $"\"{t.Text}\" is offered to \"{sa.Name}\" but not to \"{sb.Name}\"", group.GroupBy(x => x.v.Id).ToDictionary(g => g.Key, g => g.First().t.Text)));
                    }
                    // Prices and rates: both quote the same kind of price, at different values (each pair once).
                    if (a > b) continue;
                    foreach (var key in mine.Where(x => x.t.Kind == OfferKind.Price).Select(x => x.t.Key).Distinct())
                    {
                        var va = mine.Where(x => x.t.Kind == OfferKind.Price && x.t.Key == key).ToList();
                        var vb = theirs.Where(x => x.t.Kind == OfferKind.Price && x.t.Key == key).ToList();
                        if (vb.Count == 0 || va.Select(x => x.t.Value).ToHashSet().SetEquals(vb.Select(x => x.t.Value))) continue;
                        raws.Add(new(PriceRule, Ids(va.Select(x => x.v).Concat(vb.Select(x => x.v))), [.. attributes],
                            $"{key}: \"{sa.Name}\" is quoted {string.Join(", ", va.Select(x => x.t.Text).Distinct())} and \"{sb.Name}\" {string.Join(", ", vb.Select(x => x.t.Text).Distinct())}",
                            va.Concat(vb).GroupBy(x => x.v.Id).ToDictionary(g => g.Key, g => g.First().t.Text)));
                    }
                }
        }
    }

    /// <summary>The other segment's variants a missing offer is compared with: those in the same field as the holders'.</summary>
    private static IEnumerable<CampaignVariant> Counterparts(List<CampaignVariant> other, List<CampaignVariant> holders)
    {
        var fields = holders.SelectMany(h => h.Fields.Keys).ToHashSet();
        var same = other.Where(v => v.Fields.Keys.Any(fields.Contains)).ToList();
        return same.Count > 0 ? same : other;
    }

    /// <summary>An extra the brief grants this segment: the same offer or perk appears in a sanctioned extra's text.</summary>
    private bool Sanctioned(CampaignCheckContext context, Segment segment, OfferTerm term)
    {
        foreach (var extra in context.Brief.SanctionedExtras)
        {
            if (!extra.Segments.Contains(segment.Key, StringComparer.OrdinalIgnoreCase)) continue;
            var granted = OfferTerms.Extract(extra.Text, vocabulary.Perks);
            if (granted.Any(g => g.Kind == term.Kind && g.Key == term.Key && (term.Kind == OfferKind.Perk || g.Value == term.Value))) return true;
            if (term.Kind == OfferKind.Perk && extra.Text.Contains(term.Key.Replace('-', ' '), StringComparison.OrdinalIgnoreCase)) return true;
            if (term.Kind == OfferKind.Price && granted.Any(g => g.Value == term.Value)) return true;
        }
        return false;
    }

    // ---- reading level ----

    private void ReadingGaps(CampaignCheckContext context, List<Raw> raws)
    {
        var scored = context.Variants.SelectMany(v => v.Fields.Select(f => (v, field: f.Key, r: Readability.Of(f.Value))))
            .Where(x => x.r.Words >= thresholds.ReadingMinWords).ToList();
        foreach (var place in scored.GroupBy(x => (x.v.Channel, x.field)))
        {
            var bySegment = place.GroupBy(x => x.v.Segment.Key).Select(g => (segment: g.First().v.Segment, items: g.ToList(),
                grade: g.Average(x => x.r.Grade))).ToList();
            for (var a = 0; a < bySegment.Count; a++)
                for (var b = a + 1; b < bySegment.Count; b++)
                {
                    var (sa, ia, ga) = bySegment[a]; var (sb, ib, gb) = bySegment[b];
                    if (Math.Abs(ga - gb) <= thresholds.ReadingGradeGap) continue;
                    var attributes = SegmentComparison.Unjustified(sa, sb);
                    if (attributes.Count == 0) continue;
                    var (low, high) = ga < gb ? (sa, sb) : (sb, sa);
                    raws.Add(new(ReadingGapRule, Ids(ia.Concat(ib).Select(x => x.v)), [.. attributes],
                        $"{ChannelCatalog.Get(place.Key.Channel).Key} {place.Key.field} for \"{low.Name}\" reads at grade {Math.Min(ga, gb):0.0} against {Math.Max(ga, gb):0.0} for \"{high.Name}\"", []));
                }
        }
    }

    // ---- stereotypes and condescension ----

    /// <summary>A phrase of the vocabulary used in copy for a group it is about, and not in copy for a segment that
    /// differs on that attribute (a phrase every segment gets is the product talking, not an association).</summary>
    private void Framing(CampaignCheckContext context, string kind, string rule, List<Raw> raws)
    {
        var segments = context.Variants.GroupBy(v => v.Segment.Key).Select(g => g.ToList()).ToList();
        foreach (var mine in segments)
        {
            var segment = mine[0].Segment;
            foreach (var (attribute, group) in vocabulary.For(segment, kind))
            {
                var others = segments.Where(o => o != mine && SegmentComparison.ProtectedDifferences(segment, o[0].Segment)
                    .Contains(attribute, StringComparer.OrdinalIgnoreCase)).SelectMany(o => o).ToList();
                if (group.AnyValue && others.Count == 0) continue;
                foreach (var v in mine)
                    foreach (var phrase in group.Phrases)
                    {
                        var m = phrase.Match(TextOf(v));
                        if (!m.Success || others.Any(o => phrase.IsMatch(TextOf(o)))) continue;
                        raws.Add(new(rule, [v.Id], [attribute], $"\"{m.Value}\" in copy for \"{segment.Name}\" ({attribute}: {SegmentComparison.Value(segment, attribute)}): {group.Why}",
                            new() { [v.Id] = m.Value }, GroupKey: segment.Key));
                    }
            }
        }
    }

    // ---- one finding per disparity ----

    /// <summary>Disparities of one type that share a variant are one finding (the 20% one segment gets and the 10%
    /// the other gets are one disparity); framing findings are one per type and segment.</summary>
    private static IEnumerable<CampaignFinding> Merge(List<Raw> raws)
    {
        foreach (var byRule in raws.GroupBy(r => r.Rule))
        {
            var groups = new List<List<Raw>>();
            foreach (var raw in byRule)
            {
                var joined = groups.Where(g => g.Any(r => raw.GroupKey.Length > 0 ? r.GroupKey == raw.GroupKey : r.Variants.Overlaps(raw.Variants))).ToList();
                var merged = joined.SelectMany(g => g).Append(raw).ToList();
                foreach (var g in joined) groups.Remove(g);
                groups.Add(merged);
            }
            foreach (var g in groups)
            {
                var variants = g.SelectMany(r => r.Variants).Distinct().ToList();
                var attributes = g.SelectMany(r => r.Attributes).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
                var details = g.Select(r => r.Detail.TrimEnd('.')).Distinct().ToList();
                var (severity, what, fix) = byRule.Key switch
                {
                    OfferRule => (Severity.Blocker, "Offer disparity", "give every segment the brief's offer, or sanction the extra in the brief"),
                    PriceRule => (Severity.Blocker, "Price or rate disparity", "quote every segment the same price and rate"),
                    ExclusionRule => (Severity.Blocker, "Exclusion", "offer the perk to every segment, or sanction it in the brief"),
                    StereotypeRule => (Severity.Warning, "Stereotyped association", "describe the product's benefits the same way for every segment"),
                    CondescensionRule => (Severity.Warning, "Condescension", "address this segment as capable adults, as the others are"),
                    _ => (Severity.Warning, "Reading-level gap", "write every segment's copy at the same reading level"),
                };
                var message = $"{what} by {string.Join(", ", attributes)} across variants {string.Join(", ", variants)}: " +
                    string.Join("; ", details.Take(5)) + (details.Count > 5 ? $"; and {details.Count - 5} more" : "") + ".";
                var texts = new Dictionary<string, string>();
                foreach (var (id, t) in g.SelectMany(r => r.Texts)) texts.TryAdd(id, t);
                yield return new CampaignFinding(variants, new Finding(byRule.Key, CheckCategories.Fairness, severity, "", 0, 0, texts.Values.FirstOrDefault() ?? "", message, fix))
                    { Attribute = string.Join(", ", attributes), Texts = texts };
            }
        }
    }

    private static HashSet<string> Ids(IEnumerable<CampaignVariant> variants) => [.. variants.Select(v => v.Id)];

    internal static Finding Locate(CampaignVariant v, string needle)
    {
        foreach (var (name, text) in v.Fields)
        {
            var at = needle.Length == 0 ? -1 : text.IndexOf(needle, StringComparison.OrdinalIgnoreCase);
            if (at >= 0) return new Finding("", "", Severity.Info, name, at, needle.Length, text.Substring(at, needle.Length), "");
        }
        return new Finding("", "", Severity.Info, v.Fields.Keys.FirstOrDefault() ?? "", 0, 0, "", "");
    }
}
