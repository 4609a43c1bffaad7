using System.Text;
using ContentStudio.Core.Checks;
using ContentStudio.Core.Checks.Inclusive;
using Xunit.Abstractions;

namespace ContentStudio.Core.Tests.Checks;

/// <summary>Precision, recall and F1 of the inclusive-language checks on the labelled corpus (Corpus/corpus.tsv),
/// item-level per category: a true positive is a text labelled with the category that the check flags in it.</summary>
public sealed class InclusiveAccuracyTests(ITestOutputHelper output)
{
    private static readonly Dictionary<string, string> Short = new()
    {
        ["gender"] = CheckCategories.Gender, ["age"] = CheckCategories.Age, ["disability"] = CheckCategories.Disability,
        ["race"] = CheckCategories.RaceEthnicity, ["orientation"] = CheckCategories.SexualOrientation,
        ["religion"] = CheckCategories.Religion, ["socioeconomic"] = CheckCategories.Socioeconomic,
    };

    internal sealed record Item(int Line, string Kind, HashSet<string> Labels, bool Tricky, string Text);

    internal static List<Item> LoadCorpus(string file = "corpus.tsv")
    {
        var items = new List<Item>();
        var lines = File.ReadAllLines(Path.Combine(TestFiles.ChecksFolder, "Corpus", file));
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Length == 0 || lines[i].StartsWith('#')) continue;
            var parts = lines[i].Split('\t');
            if (parts.Length != 3) throw new FormatException($"{file}:{i + 1}: expected kind<TAB>labels<TAB>text");
            var tricky = parts[1] == "tricky";
            var labels = parts[1] is "-" or "tricky" ? [] : parts[1].Split(',').Select(l => Short.TryGetValue(l, out var c) ? c
                : throw new FormatException($"{file}:{i + 1}: unknown label '{l}'")).ToHashSet();
            items.Add(new Item(i + 1, parts[0], labels, tricky, parts[2]));
        }
        return items;
    }

    [Fact]
    public void CorpusHasEnoughVariedTexts()
    {
        var items = LoadCorpus();
        items.Count.ShouldBeGreaterThanOrEqualTo(300);
        foreach (var category in CheckCategories.Inclusive)
            items.Count(i => i.Labels.Contains(category)).ShouldBeGreaterThanOrEqualTo(20, category);
        items.Count(i => i.Tricky).ShouldBeGreaterThanOrEqualTo(50);
        items.Select(i => i.Kind).Distinct().Count().ShouldBeGreaterThanOrEqualTo(5);
    }

    [Fact]
    public void MeetsAccuracyTargetsOnTheLabelledCorpus()
    {
        var (overall, perCategory, trickyRate, table) = Evaluate(LoadCorpus());
        overall.F1.ShouldBeGreaterThanOrEqualTo(0.85, table);
        overall.P.ShouldBeGreaterThanOrEqualTo(0.90, table);
        foreach (var (c, f1) in perCategory) f1.ShouldBeGreaterThanOrEqualTo(0.75, $"{c}\n{table}");
        trickyRate.ShouldBeLessThanOrEqualTo(0.05, table);
    }

    /// <summary>The held-out set was written after the rules were last changed and is never used to change them;
    /// it shows how the checks do on copy they were not fitted to (the targets are the same).</summary>
    [Fact]
    public void MeetsAccuracyTargetsOnTheHeldOutCorpus()
    {
        var (overall, _, trickyRate, table) = Evaluate(LoadCorpus("holdout.tsv"));
        overall.F1.ShouldBeGreaterThanOrEqualTo(0.85, table);
        overall.P.ShouldBeGreaterThanOrEqualTo(0.90, table);
        trickyRate.ShouldBeLessThanOrEqualTo(0.05, table);
    }

    private ((double P, double R, double F1) Overall, Dictionary<string, double> F1s, double TrickyRate, string Table) Evaluate(List<Item> items)
    {
        var pipeline = new CheckPipelineBuilder().UseInclusiveLanguage().Build();
        var tp = new Dictionary<string, int>(); var fp = new Dictionary<string, int>(); var fn = new Dictionary<string, int>();
        var misses = new StringBuilder();
        var trickyFlagged = 0;
        foreach (var item in items)
        {
            var report = pipeline.Run(item.Text);
            var flagged = report.Findings.Select(f => f.Category).Where(CheckCategories.Inclusive.Contains).ToHashSet();
            if (item.Tricky && flagged.Count > 0) trickyFlagged++;
            foreach (var c in CheckCategories.Inclusive)
            {
                var expected = item.Labels.Contains(c);
                var got = flagged.Contains(c);
                if (expected && got) Inc(tp, c);
                else if (got) { Inc(fp, c); misses.AppendLine($"  FP {c} line {item.Line}: {item.Text} [{string.Join(", ", report.Findings.Select(f => f.Text))}]"); }
                else if (expected) { Inc(fn, c); misses.AppendLine($"  FN {c} line {item.Line}: {item.Text}"); }
            }
        }

        var table = new StringBuilder("category                        P      R      F1   (tp/fp/fn)\n");
        var f1s = new Dictionary<string, double>();
        foreach (var c in CheckCategories.Inclusive)
        {
            var (p, r, f1) = Prf(Get(tp, c), Get(fp, c), Get(fn, c));
            f1s[c] = f1;
            table.AppendLine($"{c,-30} {p,6:0.000} {r,6:0.000} {f1,6:0.000}   ({Get(tp, c)}/{Get(fp, c)}/{Get(fn, c)})");
        }
        var (op, or, of1) = Prf(tp.Values.Sum(), fp.Values.Sum(), fn.Values.Sum());
        var trickyRate = trickyFlagged / (double)items.Count(i => i.Tricky);
        table.AppendLine($"{"overall (micro)",-30} {op,6:0.000} {or,6:0.000} {of1,6:0.000}");
        table.AppendLine($"tricky negatives flagged: {trickyFlagged}/{items.Count(i => i.Tricky)} ({trickyRate:P1})");
        output.WriteLine(table.ToString());
        output.WriteLine("Errors:\n" + misses);
        Console.WriteLine(table);
        return ((op, or, of1), f1s, trickyRate, table.ToString());
    }

    private static void Inc(Dictionary<string, int> d, string k) => d[k] = Get(d, k) + 1;
    private static int Get(Dictionary<string, int> d, string k) => d.TryGetValue(k, out var v) ? v : 0;

    private static (double P, double R, double F1) Prf(int tp, int fp, int fn)
    {
        var p = tp + fp == 0 ? 1 : tp / (double)(tp + fp);
        var r = tp + fn == 0 ? 1 : tp / (double)(tp + fn);
        return (p, r, p + r == 0 ? 0 : 2 * p * r / (p + r));
    }
}

/// <summary>The other brand-independent checks (PII, leakage) must stay quiet on ordinary copy too.</summary>
public sealed class CleanCopyFalseAlarmTests
{
    [Fact]
    public void PiiAndLeakageChecksRaiseNothingOnTheCorpusCopy()
    {
        var pipeline = new CheckPipelineBuilder().UsePii().UseLeakage().Build();
        var noisy = InclusiveAccuracyTests.LoadCorpus().Concat(InclusiveAccuracyTests.LoadCorpus("holdout.tsv"))
            .Select(i => (i.Line, i.Text, Findings: pipeline.Run(i.Text).Findings))
            .Where(x => x.Findings.Count > 0)
            .Select(x => $"{x.Line}: {x.Text} [{string.Join(", ", x.Findings.Select(f => f.RuleId + " " + f.Text))}]")
            .ToList();
        noisy.ShouldBeEmpty(string.Join("\n", noisy));
    }
}
