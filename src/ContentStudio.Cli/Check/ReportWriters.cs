using System.Text.Encodings.Web;
using System.Text.Json;
using ContentStudio.Core.Checks;

namespace ContentStudio.Cli.Check;

/// <summary>Writes a check report as text for people, JSON for tools and SARIF 2.1.0 for code-scanning UIs.</summary>
public static class ReportWriters
{
    internal static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Text(CheckReport report, VariantContent content, string source, TextWriter output)
    {
        var gate = report.Gate switch { Gate.Clean => "clean", Gate.NeedsReview => "needs review", _ => "blocked" };
        output.WriteLine($"{source}: {gate}, score {report.Score} ({report.Findings.Count} finding{(report.Findings.Count == 1 ? "" : "s")}, rule set {report.RuleSetVersion})");
        foreach (var f in report.Findings)
        {
            var (line, col) = LineColumn(content, f);
            var suggestion = f.Suggestion is null ? "" : $" → {f.Suggestion}";
            output.WriteLine($"  {f.Field}:{line}:{col} {Lower(f.Severity),-7} {f.RuleId}: {f.Message}{suggestion}");
        }
        var scored = report.CategoryScores.Where(kv => kv.Value < 100).Select(kv => $"{kv.Key} {kv.Value}").ToList();
        if (scored.Count > 0) output.WriteLine($"  categories below 100: {string.Join(", ", scored)}");
        foreach (var n in report.NotRun) output.WriteLine($"  {n.RuleId}: {n.Message}");
    }

    public static void Json(CheckReport report, TextWriter output)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, WriterOptions with { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("ruleSetVersion", report.RuleSetVersion);
            w.WriteString("gate", report.Gate switch { Gate.Clean => "clean", Gate.NeedsReview => "needsReview", _ => "blocked" });
            w.WriteNumber("score", report.Score);
            w.WriteStartObject("categoryScores");
            foreach (var (k, v) in report.CategoryScores.OrderBy(kv => kv.Key, StringComparer.Ordinal)) w.WriteNumber(k, v);
            w.WriteEndObject();
            w.WritePropertyName("findings");
            WriteFindings(w, report.Findings, withField: true);
            w.WriteStartArray("notRun");
            foreach (var n in report.NotRun)
            {
                w.WriteStartObject(); w.WriteString("ruleId", n.RuleId); w.WriteString("message", n.Message); w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    /// <summary>The finding shape of the jsonl batch output (and of "findings" in JSON).</summary>
    internal static void WriteFindings(Utf8JsonWriter w, IReadOnlyList<Finding> findings, bool withField)
    {
        w.WriteStartArray();
        foreach (var f in findings)
        {
            w.WriteStartObject();
            w.WriteString("ruleId", f.RuleId);
            w.WriteString("category", f.Category);
            w.WriteString("severity", Lower(f.Severity));
            if (withField) w.WriteString("field", f.Field);
            w.WriteNumber("start", f.Start);
            w.WriteNumber("length", f.Length);
            w.WriteString("text", f.Text);
            w.WriteString("message", f.Message);
            if (f.Suggestion is null) w.WriteNull("suggestion"); else w.WriteString("suggestion", f.Suggestion);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    public static void Sarif(CheckReport report, VariantContent content, string source, TextWriter output)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, WriterOptions with { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
            w.WriteString("version", "2.1.0");
            w.WriteStartArray("runs");
            w.WriteStartObject();
            w.WriteStartObject("tool"); w.WriteStartObject("driver");
            w.WriteString("name", "ContentStudio checks");
            w.WriteString("version", report.RuleSetVersion);
            w.WriteStartArray("rules");
            foreach (var rule in report.Findings.GroupBy(f => f.RuleId).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                w.WriteStartObject();
                w.WriteString("id", rule.Key);
                w.WriteStartObject("shortDescription"); w.WriteString("text", rule.First().Category); w.WriteEndObject();
                w.WriteStartObject("defaultConfiguration"); w.WriteString("level", Level(rule.First().Severity)); w.WriteEndObject();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject(); w.WriteEndObject();
            // Columns count UTF-16 code units, like our spans.
            w.WriteString("columnKind", "utf16CodeUnits");
            w.WriteStartArray("results");
            foreach (var f in report.Findings)
            {
                var (line, col) = LineColumn(content, f);
                w.WriteStartObject();
                w.WriteString("ruleId", f.RuleId);
                w.WriteString("level", Level(f.Severity));
                w.WriteStartObject("message"); w.WriteString("text", f.Suggestion is null ? f.Message : $"{f.Message} Suggestion: {f.Suggestion}."); w.WriteEndObject();
                w.WriteStartArray("locations"); w.WriteStartObject();
                w.WriteStartObject("physicalLocation");
                w.WriteStartObject("artifactLocation"); w.WriteString("uri", source == "-" ? "stdin" : source); w.WriteEndObject();
                w.WriteStartObject("region");
                w.WriteNumber("startLine", line); w.WriteNumber("startColumn", col);
                w.WriteNumber("charOffset", f.Start); w.WriteNumber("charLength", f.Length);
                if (f.Text.Length > 0) { w.WriteStartObject("snippet"); w.WriteString("text", f.Text); w.WriteEndObject(); }
                w.WriteEndObject();
                w.WriteEndObject();
                w.WriteStartArray("logicalLocations"); w.WriteStartObject(); w.WriteString("name", f.Field); w.WriteString("kind", "field"); w.WriteEndObject(); w.WriteEndArray();
                w.WriteEndObject(); w.WriteEndArray();
                w.WriteStartObject("properties"); w.WriteString("category", f.Category); w.WriteString("severity", Lower(f.Severity)); w.WriteEndObject();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartObject("properties");
            w.WriteNumber("score", report.Score);
            w.WriteString("gate", report.Gate.ToString());
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
        }
        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    internal static string Lower(Severity s) => s switch { Severity.Info => "info", Severity.Warning => "warning", _ => "blocker" };

    private static string Level(Severity s) => s switch { Severity.Info => "note", Severity.Warning => "warning", _ => "error" };

    /// <summary>1-based line and column (UTF-16 units) of a finding inside its field.</summary>
    internal static (int Line, int Column) LineColumn(VariantContent content, Finding f)
    {
        if (!content.Fields.TryGetValue(f.Field, out var text)) return (1, 1);
        var line = 1; var lineStart = 0;
        for (var i = 0; i < Math.Min(f.Start, text.Length); i++)
            if (text[i] == '\n') { line++; lineStart = i + 1; }
        return (line, f.Start - lineStart + 1);
    }
}
