using System.Text;
using ContentStudio.Core.Checks;
using ContentStudio.Core.Checks.Claims;
using Xunit.Abstractions;

namespace ContentStudio.Core.Tests.Checks;

/// <summary>Precision, recall and F1 of <c>claims.unapproved</c> on the claims corpus (Corpus/claims): a positive is a
/// text labelled <c>claim:*</c>; the check is right on it when it reports at least one unapproved claim.</summary>
public sealed class ClaimsAccuracyTests(ITestOutputHelper output)
{
    [Fact]
    public void CorpusCoversEveryKindOfClaimAndNonClaim()
    {
        var all = ClaimsCorpus.Read("claims-dev.tsv").Concat(ClaimsCorpus.Read("claims-test.tsv")).ToList();
        all.Count.ShouldBeGreaterThanOrEqualTo(300);
        foreach (var kind in new[] { "superlative", "comparative", "number", "rate", "guarantee", "outcome", "proof", "ranking",
                     "award", "social", "price", "altered", "scope", "trigger", "environment" })
            all.Count(l => l.Label == "claim:" + kind).ShouldBeGreaterThanOrEqualTo(3, kind);
        foreach (var label in new[] { "approved", "offer", "-", "tricky" })
            all.Count(l => l.Label == label).ShouldBeGreaterThanOrEqualTo(10, label);
    }

    [Fact]
    public void DevelopmentPart()
    {
        var (p, r, _) = Evaluate("claims-dev.tsv");
        r.ShouldBeGreaterThanOrEqualTo(0.90);
        p.ShouldBeGreaterThanOrEqualTo(0.85);
    }

    /// <summary>Written and committed before the rules were rebuilt; never read to change them.</summary>
    [Fact]
    public void FrozenTestPart()
    {
        var (p, r, _) = Evaluate("claims-test.tsv");
        r.ShouldBeGreaterThanOrEqualTo(0.90);
        p.ShouldBeGreaterThanOrEqualTo(0.80);
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, CheckPipeline> Pipelines = new();

    private (double P, double R, double F1) Evaluate(string file)
    {
        int tp = 0, fp = 0, fn = 0;
        var perLabel = new SortedDictionary<string, (int Right, int Total)>(StringComparer.Ordinal);
        var errors = new StringBuilder();
        foreach (var line in ClaimsCorpus.Read(file))
        {
            var context = ClaimsCorpus.Get(line.Context);
            var pipeline = Pipelines.GetOrAdd(line.Context, _ => new CheckPipelineBuilder(context.Brand).UseClaims().Build());
            var report = pipeline.Run(CorpusContent.For(line.Text, context));
            var flagged = report.Findings.Where(f => f.RuleId == ClaimsCheck.RuleId).ToList();
            var positive = line.Label.StartsWith("claim:", StringComparison.Ordinal);
            var right = positive == flagged.Count > 0;
            if (positive && right) tp++;
            else if (positive) { fn++; errors.AppendLine($"  FN {line.Label} {file}:{line.Number}: {line.Text}"); }
            else if (!right) { fp++; errors.AppendLine($"  FP {line.Label} {file}:{line.Number}: {line.Text} [{string.Join(", ", flagged.Select(f => f.Text))}]"); }
            var (r0, t0) = perLabel.GetValueOrDefault(line.Label);
            perLabel[line.Label] = (r0 + (right ? 1 : 0), t0 + 1);
        }
        var (p, r, f1) = ClaimsCorpus.Prf(tp, fp, fn);
        var table = new StringBuilder($"claims.unapproved on {file}: P {p:0.000} R {r:0.000} F1 {f1:0.000} (tp {tp}, fp {fp}, fn {fn})\n");
        foreach (var (label, (right, total)) in perLabel) table.AppendLine($"  {label,-20} {right}/{total} right");
        output.WriteLine(table.ToString());
        output.WriteLine("Errors:\n" + errors);
        return (p, r, f1);
    }
}
