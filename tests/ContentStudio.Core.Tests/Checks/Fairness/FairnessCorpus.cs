using System.Text;
using System.Text.Json;
using ContentStudio.Core.Checks.CrossVariant;

namespace ContentStudio.Core.Tests.Checks.Fairness;

/// <summary>The labelled fairness corpus (Corpus/fairness/*.jsonl) and its scoring: a predicted finding is a true
/// positive when an expected finding of the same type shares a variant with it (each expected finding matches once);
/// campaigns labelled fair or legit should have no fairness finding at all.</summary>
internal static class FairnessCorpus
{
    public static readonly string[] Types = ["offer-disparity", "price-disparity", "exclusion", "stereotype", "condescension", "reading-gap"];

    internal sealed record Expected(string Type, HashSet<string> Variants, string Attribute);
    internal sealed record Item(int Line, string Label, CampaignInput Campaign, List<Expected> Expected);
    internal sealed record Predicted(string Type, HashSet<string> Variants);

    public static List<Item> Load(string part)
    {
        var path = Path.Combine(TestFiles.ChecksFolder, "Corpus", "fairness", part + ".jsonl");
        var items = new List<Item>();
        var lines = File.ReadAllLines(path);
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Length == 0) continue;
            using var doc = JsonDocument.Parse(lines[i]);
            var expected = doc.RootElement.GetProperty("expected").EnumerateArray().Select(e => new Expected(
                e.GetProperty("type").GetString()!, [.. e.GetProperty("variants").EnumerateArray().Select(v => v.GetString()!)],
                e.GetProperty("attribute").GetString()!)).ToList();
            items.Add(new Item(i + 1, doc.RootElement.GetProperty("label").GetString()!, CampaignInputReader.Parse(lines[i]), expected));
        }
        return items;
    }

    public sealed record Score(int Tp, int Fp, int Fn)
    {
        public double P => Tp + Fp == 0 ? 1 : Tp / (double)(Tp + Fp);
        public double R => Tp + Fn == 0 ? 1 : Tp / (double)(Tp + Fn);
        public double F1 => P + R == 0 ? 0 : 2 * P * R / (P + R);
    }

    public sealed record Result(Score Micro, Dictionary<string, Score> PerType, double FairFlagged, double LegitFlagged, double CleanFlagged, double ExactVariants, string Table);

    /// <summary>Scores the part; the error list is printed for the dev part only (the test part's errors are never read
    /// while rules change).</summary>
    public static Result Evaluate(string part, List<Item> items, Func<CampaignInput, IReadOnlyList<Predicted>> predict)
    {
        var counts = new Dictionary<string, int[]>();
        int[] C(string t) => counts.TryGetValue(t, out var c) ? c : counts[t] = new int[3];
        int fairFlagged = 0, legitFlagged = 0, exact = 0, tpTotal = 0;
        var errors = new StringBuilder();
        foreach (var item in items)
        {
            var predicted = predict(item.Campaign);
            if (predicted.Count > 0 && item.Label == "fair") fairFlagged++;
            if (predicted.Count > 0 && item.Label == "legit") legitFlagged++;
            var open = item.Expected.ToList();
            foreach (var p in predicted)
            {
                var match = open.FirstOrDefault(e => e.Type == p.Type && e.Variants.Overlaps(p.Variants));
                if (match is null) { C(p.Type)[1]++; errors.AppendLine($"  FP {item.Campaign.Id} {p.Type} [{string.Join(",", p.Variants)}]"); continue; }
                open.Remove(match);
                C(p.Type)[0]++;
                tpTotal++;
                if (match.Variants.SetEquals(p.Variants)) exact++;
            }
            foreach (var e in open) { C(e.Type)[2]++; errors.AppendLine($"  FN {item.Campaign.Id} {e.Type} [{string.Join(",", e.Variants)}]"); }
        }
        var perType = counts.ToDictionary(kv => kv.Key, kv => new Score(kv.Value[0], kv.Value[1], kv.Value[2]));
        var micro = new Score(perType.Values.Sum(s => s.Tp), perType.Values.Sum(s => s.Fp), perType.Values.Sum(s => s.Fn));
        int fair = items.Count(i => i.Label == "fair"), legit = items.Count(i => i.Label == "legit");
        var table = new StringBuilder($"fairness corpus, {part} part: {items.Count} campaigns ({fair} fair, {items.Count(i => i.Label == "unfair")} unfair, {legit} legit)\n");
        table.AppendLine("type               P     R     F1    (tp/fp/fn)");
        foreach (var (type, s) in perType.OrderBy(kv => Array.IndexOf(Types, kv.Key) is var i && i < 0 ? 99 : i))
            table.AppendLine($"{type,-17} {s.P,5:0.00} {s.R,5:0.00} {s.F1,5:0.00}  ({s.Tp}/{s.Fp}/{s.Fn})");
        table.AppendLine($"{"micro",-17} {micro.P,5:0.00} {micro.R,5:0.00} {micro.F1,5:0.00}  ({micro.Tp}/{micro.Fp}/{micro.Fn})");
        double fairRate = fair == 0 ? 0 : fairFlagged / (double)fair, legitRate = legit == 0 ? 0 : legitFlagged / (double)legit;
        var exactRate = tpTotal == 0 ? 0 : exact / (double)tpTotal;
        var cleanRate = fair + legit == 0 ? 0 : (fairFlagged + legitFlagged) / (double)(fair + legit);
        table.AppendLine($"fair campaigns flagged {fairRate:P0} ({fairFlagged}/{fair}); legit campaigns flagged {legitRate:P0} ({legitFlagged}/{legit}); " +
            $"fair or legit flagged {cleanRate:P0}; " +
            $"matched findings listing exactly the expected variants {exactRate:P0}");
        if (part != "test") table.Append(errors);
        return new Result(micro, perType, fairRate, legitRate, cleanRate, exactRate, table.ToString());
    }
}
