using System.Text.Json;
using ContentStudio.Core.Brands;
using ContentStudio.Core.Campaigns;

namespace ContentStudio.Core.Tests.Checks;

/// <summary>The claims and copy-integrity corpora (Corpus/claims, see its README): the brand and brief of each context
/// and the labelled lines of a part.</summary>
internal static class ClaimsCorpus
{
    public static string Folder { get; } = Path.Combine(TestFiles.ChecksFolder, "Corpus", "claims");

    public sealed record Context(Brand Brand, CampaignBrief Brief);

    public sealed record Line(int Number, string Context, string Label, string Text);

    private static readonly Lazy<Dictionary<string, Context>> Loaded = new(Load);

    public static Context Get(string key) => Loaded.Value[key];

    private static Dictionary<string, Context> Load()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "contexts.json")));
        var result = new Dictionary<string, Context>();
        foreach (var entry in doc.RootElement.EnumerateObject())
        {
            var guidePath = Path.Combine(Folder, entry.Value.GetProperty("guide").GetString()!);
            var parsed = BrandGuideParser.Parse(guidePath, File.ReadAllText(guidePath));
            if (!parsed.Succeeded) throw new InvalidOperationException(string.Join("\n", parsed.Errors));
            var brief = BriefFile.Parse(entry.Value.GetProperty("brief").GetRawText(), "contexts.json");
            result[entry.Name] = new Context(parsed.Brand!, brief);
        }
        return result;
    }

    public static List<Line> Read(string file)
    {
        var lines = new List<Line>();
        var raw = File.ReadAllLines(Path.Combine(Folder, file));
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i].Length == 0 || raw[i].StartsWith('#')) continue;
            var parts = raw[i].Split('\t');
            if (parts.Length != 3) throw new FormatException($"{file}:{i + 1}: expected context<TAB>label<TAB>text");
            lines.Add(new Line(i + 1, parts[0], parts[1], parts[2]));
        }
        return lines;
    }

    public static (double P, double R, double F1) Prf(int tp, int fp, int fn)
    {
        var p = tp + fp == 0 ? 1 : tp / (double)(tp + fp);
        var r = tp + fn == 0 ? 1 : tp / (double)(tp + fn);
        return (p, r, p + r == 0 ? 0 : 2 * p * r / (p + r));
    }
}
