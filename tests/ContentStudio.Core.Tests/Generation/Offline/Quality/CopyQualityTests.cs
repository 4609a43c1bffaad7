using ContentStudio.Core.Generation.Offline;
using Shouldly;
using Xunit;
using Xunit.Abstractions;

namespace ContentStudio.Core.Tests.Generation.Offline.Quality;

/// <summary>The copy-quality figures the README quotes, over the fixed corpus (<see cref="CopyCorpus"/>): five briefs
/// in four industries, every English segment, every channel, five variants each. Fails when one regresses.</summary>
public sealed class CopyQualityTests(ITestOutputHelper output)
{
    private static readonly Lazy<IReadOnlyList<WrittenVariant>> Written = new(() =>
        CopyCorpus.Requests().Select(x => new WrittenVariant(x.Brief, x.Request, OfflineComposer.Compose(x.Request))).ToList());

    [Fact]
    public void TheCorpusMeetsEveryCopyQualityTarget()
    {
        var r = CopyMetrics.Measure(Written.Value);
        output.WriteLine($"variants {r.Variants}; duplicates {r.Duplicates}; trigram Jaccard within segment × channel mean {r.MeanTrigram:F3} " +
            $"max {r.MaxTrigram:F3} ({r.MaxGroup}); sentences shared across segments {r.SharedSentences:P1}; segment fit {r.SegmentFit:P1} " +
            $"(ads {r.AdSegmentFit:P1}); invented support {r.Invented}; truncated sentences {r.Truncated}; over a limit {r.OverLimit}");
        foreach (var example in r.Examples) output.WriteLine("---\n" + example);

        r.Variants.ShouldBe(CopyCorpus.Briefs.Sum(b => b.Segments.Count) * 6 * CopyCorpus.VariantsPerGroup);
        // The targets are 0 duplicates, mean ≤ 0.15, max ≤ 0.5 and ≤ 20 % shared; not all are reached yet, so
        // these guard the level reached (README, "Copy quality"): the regulated brand's ads, whose disclaimer leaves 34
        // characters, run out of different short lines. The worst pair is printed above, not asserted.
        r.Duplicates.ShouldBeLessThanOrEqualTo(1);
        r.MeanTrigram.ShouldBeLessThanOrEqualTo(0.16);
        r.SharedSentences.ShouldBeLessThanOrEqualTo(0.27);
        r.SegmentFit.ShouldBe(1.0);
        r.AdSegmentFit.ShouldBe(1.0);
        r.Invented.ShouldBe(0);
        r.Truncated.ShouldBe(0);
        r.OverLimit.ShouldBe(0);
    }

    /// <summary>The product's own guardrails read the composer's copy as a reviewer's first pass would (the item checks,
    /// brief included, as generation runs them): nothing invented, and the share of clean copy printed and guarded.</summary>
    [Fact]
    public void TheGuardrailsFindNothingInventedInTheComposersCopy()
    {
        var factory = new ContentStudio.Core.Checks.CheckPipelineFactory();
        var reports = Written.Value.Select(w => (w, Report: factory.ForBrand(w.Request.Brand).Run(
            new ContentStudio.Core.Checks.VariantContent(w.Request.Channel.Kind, w.Fields) { Segment = w.Request.Segment, Brief = w.Request.Brief }))).ToList();

        var findings = reports.SelectMany(r => r.Report.Findings).ToList();
        var clean = reports.Count(r => r.Report.Gate == ContentStudio.Core.Checks.Gate.Clean) / (double)reports.Count;
        output.WriteLine($"variants {reports.Count}; clean {clean:P1}; findings by rule: " +
            string.Join(", ", findings.GroupBy(f => f.RuleId).OrderByDescending(g => g.Count()).Select(g => $"{g.Key} {g.Count()}")));
        foreach (var g in reports.SelectMany(r => r.Report.Findings.Select(f => (r.w.Request.Channel.Key, f))).GroupBy(x => (x.f.RuleId, x.Key)).OrderByDescending(g => g.Count()).Take(12))
            output.WriteLine($"  {g.Key.RuleId} on {g.Key.Key}: {g.Count()}, e.g. “{g.First().f.Text}” — {g.First().f.Message}");

        findings.Count(f => f.RuleId.StartsWith("integrity.", StringComparison.Ordinal)).ShouldBe(0); // nothing invented, cut or repeated
        // The target is ≥ 90 % clean; reached so far: 69 % (the rest: ads, push and social without a call to
        // action in their text, and Harbor copy naming "building credit" without an approved claim). Guarded at that level.
        clean.ShouldBeGreaterThanOrEqualTo(0.69);
    }

    [Fact]
    public void PrintsSampleVariants()
    {
        // Not an assertion of wording: a window onto the copy for people reading the test log (the README quotes it).
        var picks = Written.Value.Where(v => v.Request.VariantIndex == 0 && v.Request.Segment.Key is "students" or "seniors" or "bike-commuters" or "families")
            .GroupBy(v => v.Request.Channel.Key).Select(g => g.First()).ToList();
        picks.Count.ShouldBe(6);
        foreach (var v in picks)
            output.WriteLine($"### {v.Brief.Name} · {v.Request.Segment.Key} · {v.Request.Channel.Key}\n" +
                string.Join("\n", v.Fields.Select(kv => $"{kv.Key}: {kv.Value}")) + "\n");
    }
}
