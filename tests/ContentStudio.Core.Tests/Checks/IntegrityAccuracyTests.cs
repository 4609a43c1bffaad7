using System.Text;
using ContentStudio.Core.Checks;
using ContentStudio.Core.Checks.Integrity;
using Xunit.Abstractions;

namespace ContentStudio.Core.Tests.Checks;

/// <summary>Precision, recall and F1 per copy-integrity rule on the integrity corpus (Corpus/claims/integrity-*.tsv):
/// per item, a rule's true positive is an item labelled with it on which the rule fires.</summary>
public sealed class IntegrityAccuracyTests(ITestOutputHelper output)
{
    private static readonly Dictionary<string, string> Rules = new()
    {
        ["social"] = CopyIntegrityCheck.SocialProofRule, ["outcome"] = CopyIntegrityCheck.OutcomeRule, ["fact"] = CopyIntegrityCheck.FactRule,
        ["truncated"] = CopyIntegrityCheck.TruncatedRule, ["slot"] = CopyIntegrityCheck.SlotRule, ["repeated"] = CopyIntegrityCheck.RepeatedRule,
    };

    [Fact]
    public void CorpusCoversEveryRuleAndCleanCopy()
    {
        var all = ClaimsCorpus.Read("integrity-dev.tsv").Concat(ClaimsCorpus.Read("integrity-test.tsv")).ToList();
        all.Count.ShouldBeGreaterThanOrEqualTo(200);
        foreach (var label in Rules.Keys) all.Count(l => l.Label.Split(',').Contains(label)).ShouldBeGreaterThanOrEqualTo(12, label);
        all.Count(l => l.Label == "-").ShouldBeGreaterThanOrEqualTo(60);
    }

    [Fact]
    public void DevelopmentPart()
    {
        var (micro, clean) = Evaluate("integrity-dev.tsv");
        micro.ShouldBeGreaterThanOrEqualTo(0.90);
        clean.ShouldBeLessThanOrEqualTo(0.05);
    }

    /// <summary>Written and committed before the rules were built; never read to change them.</summary>
    [Fact]
    public void FrozenTestPart()
    {
        var (micro, clean) = Evaluate("integrity-test.tsv");
        micro.ShouldBeGreaterThanOrEqualTo(0.80);
        clean.ShouldBeLessThanOrEqualTo(0.10);
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, CheckPipeline> Pipelines = new();

    private (double MicroF1, double CleanFlagged) Evaluate(string file)
    {
        var tp = new Dictionary<string, int>(); var fp = new Dictionary<string, int>(); var fn = new Dictionary<string, int>();
        var errors = new StringBuilder();
        int clean = 0, cleanFlagged = 0;
        foreach (var line in ClaimsCorpus.Read(file))
        {
            var context = ClaimsCorpus.Get(line.Context);
            var pipeline = Pipelines.GetOrAdd(line.Context, _ => new CheckPipelineBuilder(context.Brand).UseCopyIntegrity().Build());
            var report = pipeline.Run(CorpusContent.For(line.Text, context));
            var labels = line.Label == "-" ? [] : line.Label.Split(',').Select(l => Rules[l]).ToHashSet();
            var fired = report.Findings.Select(f => f.RuleId).ToHashSet();
            if (labels.Count == 0) { clean++; if (fired.Count > 0) cleanFlagged++; }
            foreach (var rule in Rules.Values)
            {
                var expected = labels.Contains(rule);
                var got = fired.Contains(rule);
                if (expected && got) Inc(tp, rule);
                else if (got) { Inc(fp, rule); errors.AppendLine($"  FP {rule} {file}:{line.Number}: {line.Text} [{string.Join(", ", report.Findings.Where(f => f.RuleId == rule).Select(f => f.Text))}]"); }
                else if (expected) { Inc(fn, rule); errors.AppendLine($"  FN {rule} {file}:{line.Number}: {line.Text}"); }
            }
        }
        var table = new StringBuilder($"copy integrity on {file}\nrule                            P      R      F1   (tp/fp/fn)\n");
        foreach (var rule in Rules.Values)
        {
            var (p, r, f1) = ClaimsCorpus.Prf(Get(tp, rule), Get(fp, rule), Get(fn, rule));
            table.AppendLine($"{rule,-30} {p,6:0.000} {r,6:0.000} {f1,6:0.000}   ({Get(tp, rule)}/{Get(fp, rule)}/{Get(fn, rule)})");
        }
        var (mp, mr, mf1) = ClaimsCorpus.Prf(tp.Values.Sum(), fp.Values.Sum(), fn.Values.Sum());
        table.AppendLine($"{"micro",-30} {mp,6:0.000} {mr,6:0.000} {mf1,6:0.000}");
        table.AppendLine($"clean items flagged: {cleanFlagged}/{clean}");
        output.WriteLine(table.ToString());
        output.WriteLine("Errors:\n" + errors);
        return (mf1, cleanFlagged / (double)Math.Max(1, clean));
    }

    private static void Inc(Dictionary<string, int> d, string k) => d[k] = Get(d, k) + 1;
    private static int Get(Dictionary<string, int> d, string k) => d.TryGetValue(k, out var v) ? v : 0;
}
