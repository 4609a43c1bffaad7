using ContentStudio.Core.Channels;
using ContentStudio.Core.Llm;
using ContentStudio.Core.Generation.Offline;
using ContentStudio.Core.Text;
using Xunit.Abstractions;
using static ContentStudio.Core.Tests.Generation.Offline.OfflineFixtures;
using ContentStudio.Core.Generation;

namespace ContentStudio.Core.Tests.Generation.Offline;

/// <summary>Variants read differently, and reviewer feedback visibly changes the copy.</summary>
public class OfflineComposerVariationTests(ITestOutputHelper output)
{
    [Fact]
    public void TheFirstVariantsOfASegmentAndChannelTakeDifferentAngles()
    {
        foreach (var group in Matrix().GroupBy(r => (r.Brand.Slug, r.Segment.Key, r.Brief.Name, r.Channel.Key)))
        {
            var angles = group.Select(r => OfflineComposer.AngleFor(r)).ToList();
            angles.Distinct().Count().ShouldBe(angles.Count, group.Key.ToString());
        }
    }

    [Fact]
    public void AngleOrderIsShuffledPerSegmentAndChannel()
    {
        var orders = Matrix().GroupBy(r => (r.Brand.Slug, r.Segment.Key, r.Brief.Name, r.Channel.Key))
            .Select(g => string.Join(",", g.Select(r => OfflineComposer.AngleFor(r))))
            .Distinct().Count();
        orders.ShouldBeGreaterThan(10);
    }

    [Fact]
    public void UrgencyAndOfferAnglesNeedAnOfferOrDeadlineInTheBrief()
    {
        var angles = Enumerable.Range(0, 20).Select(v => OfflineComposer.AngleFor(
            new CompositionRequest(Northbank, NorthbankSegments[0], ChannelCatalog.Email, NorthbankSaver, v, 11))).ToList();
        angles.ShouldNotContain(Angle.Urgency);
        angles.ShouldNotContain(Angle.OfferLed);
        // Benefit, problem, interest, question, introduction, reasons-why: every angle that needs no offer or deadline.
        angles.Distinct().Count().ShouldBe(6);

        var withOffer = Enumerable.Range(0, 9).Select(v => OfflineComposer.AngleFor(
            new CompositionRequest(Northbank, NorthbankSegments[0], ChannelCatalog.Email, NorthbankBonus, v, 11))).ToList();
        withOffer.ShouldContain(Angle.Urgency);
        withOffer.ShouldContain(Angle.OfferLed);
    }

    [Fact]
    public void WithoutAnOfferOrDeadlineTheCopyCarriesNoUrgency()
    {
        string[] urgent = ["today", "now", "hurry", "last chance", "don't miss", "too late", "ends", "before", "limited", "hours left"];
        var briefs = new[] { (Northbank, NorthbankSegments, NorthbankSaver), (FreshFork, FreshForkSegments, FreshForkLaunch with { Offer = "" }) };
        foreach (var (brand, segments, brief) in briefs)
            foreach (var segment in segments)
                foreach (var channel in ChannelCatalog.All)
                    for (var v = 0; v < 8; v++)
                    {
                        var text = AllText(Write(new CompositionRequest(brand, segment, channel, brief, v, 4, v % 2 == 0 ? null : "more urgent")));
                        var words = Diversity.Words(text).ToHashSet();
                        foreach (var u in urgent)
                            (u.Contains(' ') || u.Contains('\'') ? text.Contains(u, StringComparison.OrdinalIgnoreCase) : words.Contains(u))
                                .ShouldBeFalse($"'{u}' in {text}");
                    }
    }

    [Fact]
    public void DifferentVariantsGiveDifferentCopy()
    {
        foreach (var group in Matrix().GroupBy(r => (r.Brand.Slug, r.Segment.Key, r.Brief.Name, r.Channel.Key)))
        {
            var texts = group.Select(r => AllText(Write(r))).ToList();
            texts.Distinct().Count().ShouldBe(texts.Count, group.Key.ToString());
        }
    }

    /// <summary>The number the README quotes: word-trigram Jaccard overlap between the 5 variants of one
    /// segment × channel, over every brand, segment, brief and channel of the fixtures.</summary>
    [Fact]
    public void VariantsOfOneSegmentAndChannelShareFewWordTrigrams()
    {
        var overlaps = new List<(string Group, double Overlap, double Distinct3)>();
        foreach (var group in Matrix().GroupBy(r => $"{r.Brand.Slug}/{r.Segment.Key}/{r.Brief.Name}/{r.Channel.Key}"))
        {
            var texts = group.Select(r => AllText(Write(r))).ToList();
            overlaps.Add((group.Key, Diversity.MeanPairwiseTrigramOverlap(texts), Diversity.DistinctNgramRatio(texts, 3)));
        }

        foreach (var channel in ChannelCatalog.All)
        {
            var mine = overlaps.Where(o => o.Group.EndsWith("/" + channel.Key)).ToList();
            output.WriteLine($"{channel.Key,-13} mean overlap {mine.Average(o => o.Overlap):F3}  max {mine.Max(o => o.Overlap):F3}  " +
                $"distinct-3 {mine.Average(o => o.Distinct3):F3}");
        }
        output.WriteLine($"ALL ({overlaps.Count} groups) mean overlap {overlaps.Average(o => o.Overlap):F3}  " +
            $"max {overlaps.Max(o => o.Overlap):F3}  distinct-3 {overlaps.Average(o => o.Distinct3):F3}");

        // Whole text, required disclaimers included (the same words in every variant by rule); CopyQualityTests measures
        // the composer's own words against the issue's targets.
        foreach (var (group, overlap, _) in overlaps) overlap.ShouldBeLessThan(0.45, group);
        overlaps.Average(o => o.Overlap).ShouldBeLessThan(0.25);
    }

    [Fact]
    public void ShorterFeedbackShortensTheCopy()
    {
        for (var v = 0; v < 5; v++)
        {
            var before = Write(Request(ChannelCatalog.Email, v));
            var after = Write(Request(ChannelCatalog.Email, v, "Can you make it shorter?"));
            after["body"].Length.ShouldBeLessThan(before["body"].Length, $"v{v}");

            var sms = Write(Request(ChannelCatalog.Sms, v, "Shorter please"))["body"];
            SmsSegmentCounter.Count(sms).Segments.ShouldBe(1, sms);
        }
    }

    [Fact]
    public void LongerFeedbackAddsSupportingLines()
    {
        var longer = 0;
        for (var v = 0; v < 5; v++)
        {
            var before = Write(Request(ChannelCatalog.Email, v))["body"];
            var after = Write(Request(ChannelCatalog.Email, v, "Make it longer, with more detail"))["body"];
            after.Length.ShouldBeGreaterThanOrEqualTo(before.Length - 40, $"v{v}");
            if (after.Length > before.Length) longer++;
        }
        longer.ShouldBeGreaterThan(2);
    }

    [Fact]
    public void MoreCasualFeedbackLoosensARegulatedBrandButNeverMakesItExclaim()
    {
        var request = new CompositionRequest(Northbank, NorthbankSegments[0], ChannelCatalog.Social, NorthbankBonus, 0, 42);
        var before = Enumerable.Range(0, 5).Select(v => AllText(Write(request with { VariantIndex = v }))).ToList();
        var after = Enumerable.Range(0, 5).Select(v => AllText(Write(request with { VariantIndex = v, Feedback = "a bit more casual" }))).ToList();

        before.ShouldAllBe(t => !t.Contains("n't") && !t.Contains("'s "));
        after.ShouldContain(t => t.Contains("n't") || t.Contains("'s ") || t.Contains("'re"));
        after.ShouldAllBe(t => !t.Contains('!'));
    }

    [Fact]
    public void MoreFormalFeedbackDropsContractionsExclamationsAndEmoji()
    {
        string[] contractions = ["'s ", "n't", "'re", "'ll", "'d "];
        var before = string.Join("\n", ChannelCatalog.All.SelectMany(c => Enumerable.Range(0, 5).Select(v => AllText(Write(Request(c, v))))));
        var after = string.Join("\n", ChannelCatalog.All.SelectMany(c => Enumerable.Range(0, 5)
            .Select(v => AllText(Write(Request(c, v, "Please sound more formal"))))));

        contractions.ShouldContain(c => before.Contains(c), "the playful brand's normal copy uses contractions");
        foreach (var c in contractions) after.ShouldNotContain(c);
        after.ShouldNotContain('!');
        after.EnumerateRunes().ShouldNotContain(r => r.Value >= 0x1F000);
    }

    [Fact]
    public void MentionTheOfferEarlierPutsTheOfferInTheSubjectAndFirstLines()
    {
        const string offer = "free delivery on your first box";
        var movedUp = 0;
        for (var v = 0; v < 5; v++)
        {
            var before = Write(Request(ChannelCatalog.Email, v));
            var after = Write(Request(ChannelCatalog.Email, v, "Mention the offer earlier"));

            after["subject"].ShouldContain(offer, Case.Insensitive, $"v{v}");
            var (was, now) = (before["body"].IndexOf(offer, StringComparison.OrdinalIgnoreCase),
                after["body"].IndexOf(offer, StringComparison.OrdinalIgnoreCase));
            now.ShouldBeGreaterThanOrEqualTo(0);
            now.ShouldBeLessThanOrEqualTo(was < 0 ? int.MaxValue : was, $"v{v}");
            now.ShouldBeLessThan(60, $"v{v}: {after["body"]}");
            if (now < was) movedUp++;
        }
        movedUp.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void NoQuestionsFeedbackRemovesQuestionMarks()
    {
        foreach (var channel in ChannelCatalog.All)
            for (var v = 0; v < 5; v++)
                AllText(Write(Request(channel, v, "No questions please"))).ShouldNotContain('?');
    }

    [Fact]
    public void MoreUrgentFeedbackLeadsWithUrgencyWhenTheBriefHasAnOffer()
    {
        var request = Request(ChannelCatalog.Push, 0, "Needs more urgency");
        OfflineComposer.AngleFor(request).ShouldBe(Angle.Urgency);
        var noOffer = new CompositionRequest(Northbank, NorthbankSegments[0], ChannelCatalog.Push, NorthbankSaver, 0, 42, "more urgent");
        OfflineComposer.AngleFor(noOffer).ShouldNotBe(Angle.Urgency);
    }
}
