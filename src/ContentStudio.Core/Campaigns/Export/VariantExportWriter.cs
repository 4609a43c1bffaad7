using System.Globalization;
using System.Text.Json;
using ContentStudio.Core.Channels;
using ContentStudio.Core.Kernel;
using CsvHelper;

namespace ContentStudio.Core.Campaigns.Export;

/// <summary>Writes export rows as JSON lines (one variant a line, fields and findings as nested values) or as CSV (one
/// variant a row, one column per field name that occurs, findings as readable text). CSV cells that a spreadsheet
/// would run as a formula (starting with = + - @ or a tab) are escaped: the copy is model output, not trusted.</summary>
public static class VariantExportWriter
{
    public static readonly IReadOnlyList<string> Formats = ["jsonl", "csv"];

    public static void Write(IReadOnlyList<VariantExportRow> rows, string format, TextWriter output)
    {
        switch (format)
        {
            case "jsonl": Jsonl(rows, output); break;
            case "csv": Csv(rows, output); break;
            default: throw new ArgumentException($"Unknown export format '{format}': use {string.Join(" or ", Formats)}.", nameof(format));
        }
    }

    private static void Jsonl(IReadOnlyList<VariantExportRow> rows, TextWriter output)
    {
        var options = new JsonSerializerOptions(StudioJson.Options) { WriteIndented = false };
        foreach (var row in rows) output.Write(JsonSerializer.Serialize(row, options) + "\n");
    }

    private static void Csv(IReadOnlyList<VariantExportRow> rows, TextWriter output)
    {
        // Field columns in each channel's own order (subject, preheader, body, cta for email), channels in the order they
        // first appear, then any field no channel declares: a sheet reads like the copy does.
        var fieldNames = rows.Select(r => r.Channel).Distinct(StringComparer.Ordinal)
            .SelectMany(c => Enum.TryParse<ChannelKind>(c, out var kind) ? ChannelCatalog.Get(kind).Fields.Select(f => f.Name) : [])
            .Concat(rows.SelectMany(r => r.Fields.Keys))
            .Where(name => rows.Any(r => r.Fields.ContainsKey(name)))
            .Distinct(StringComparer.Ordinal).ToList();
        string[] fixedColumns =
        [
            "campaign_id", "campaign", "brand", "run_id", "variant_id", "segment", "channel", "variant_index", "created_utc",
            "outcome", "problem", "review_state", "gate", "score",
        ];
        string[] tailColumns =
        [
            "findings", "campaign_findings", "template", "template_version", "provider", "model", "prompt_hash",
            "input_tokens", "output_tokens", "latency_ms", "attempts",
        ];
        using var csv = CsvWriter.Create(output, CsvWriterOptions.Default with { Injection = CsvInjection.Escape }, leaveOpen: true);
        csv.WriteRecord([.. fixedColumns, .. fieldNames.Select(f => "field:" + f), .. tailColumns]);
        var c = CultureInfo.InvariantCulture;
        foreach (var r in rows)
        {
            var p = r.Provenance;
            csv.WriteRecord(
            [
                r.CampaignId.ToString(), r.Campaign, r.Brand, r.RunId.ToString(), r.VariantId.ToString(), r.Segment, r.Channel,
                r.VariantIndex.ToString(c), r.CreatedUtc.ToString("yyyy-MM-ddTHH:mm:ssZ", c), r.Outcome, r.Problem ?? "", r.ReviewState,
                r.Gate ?? "", r.Score?.ToString(c) ?? "",
                .. fieldNames.Select(f => r.Fields.GetValueOrDefault(f) ?? ""),
                Text(r.Findings), Text(r.CampaignFindings), p.TemplateName, p.TemplateVersion, p.Provider, p.Model, p.PromptHash,
                p.InputTokens.ToString(c), p.OutputTokens.ToString(c), p.LatencyMs.ToString(c), p.Attempts.ToString(c),
            ]);
        }
        csv.Flush();
    }

    /// <summary>"warning brand.terms (body): Say "Roast Club", not "roast club"" — one finding a line within the cell.</summary>
    private static string Text(IReadOnlyList<ExportedFinding> findings) =>
        string.Join("\n", findings.Select(f => $"{f.Severity.ToLowerInvariant()} {f.Rule} ({f.Field}): {f.Message}"));
}
