using System.Text.Json;
using ContentStudio.Core.Brands;
using ContentStudio.Core.Channels;
using ContentStudio.Core.Checks;

namespace ContentStudio.Cli.Check;

/// <summary>`studio check` behind its argument parsing: validates options, reads the item(s), runs the pipeline built for
/// the brand, writes text / json / sarif / jsonl and returns the exit code (0 nothing reaches --fail-on,
/// 1 something does, 2 usage or input error). The CLI verb only parses arguments and opens streams.</summary>
public sealed class CheckCommandCore(CheckPipelineFactory factory, IBrandCatalog? brands = null)
{
    public static IReadOnlyList<string> Formats { get; } = ["text", "json", "sarif", "jsonl"];

    public int Run(CheckCommandOptions options, TextReader input, TextWriter output, TextWriter error)
    {
        if (!Formats.Contains(options.Format))
            return Usage(error, $"unknown --format '{options.Format}' (use {string.Join(", ", Formats)})");
        if (options.FailOn is not ("warning" or "blocker"))
            return Usage(error, $"unknown --fail-on '{options.FailOn}' (use warning or blocker)");
        ChannelKind? channel = null;
        if (options.Channel is not null)
        {
            if (!ChannelCatalog.TryParse(options.Channel, out var spec))
                return Usage(error, $"unknown --channel '{options.Channel}' (use {string.Join(", ", ChannelCatalog.All.Select(c => c.Key))})");
            channel = spec.Kind;
        }
        Brand? brand = null;
        if (options.Brand is not null)
        {
            brand = brands?.Find(options.Brand);
            if (brand is null)
            {
                var known = brands is null ? "no brand catalog is configured" : $"known brands: {string.Join(", ", brands.Brands.Select(b => b.Slug))}";
                return Usage(error, $"unknown --brand '{options.Brand}' ({known})");
            }
        }
        return Run(options, brand, channel, input, output, error);
    }

    /// <summary>Runs with an already resolved brand and channel (for callers that hold a Brand object).</summary>
    public int Run(CheckCommandOptions options, Brand? brand, ChannelKind? channel, TextReader input, TextWriter output, TextWriter error)
    {
        var pipeline = factory.ForBrand(brand);
        var failOn = options.FailOn == "warning" ? Severity.Warning : Severity.Blocker;
        if (options.Format == "jsonl")
            return new BatchRunner(pipeline, channel, failOn).Run(input, output, error);

        var text = input.ReadToEnd();
        if (string.IsNullOrWhiteSpace(text)) return Usage(error, $"{options.SourceName}: no text to check");
        VariantContent content;
        try { content = ParseItem(text, channel); }
        catch (FormatException e) { return Usage(error, $"{options.SourceName}: {e.Message}"); }
        var report = pipeline.Run(content);
        switch (options.Format)
        {
            case "json": ReportWriters.Json(report, output); break;
            case "sarif": ReportWriters.Sarif(report, content, options.SourceName, output); break;
            default: ReportWriters.Text(report, content, options.SourceName, output); break;
        }
        return report.Reaches(failOn) ? CheckExitCodes.Findings : CheckExitCodes.Ok;
    }

    /// <summary>Plain text goes into the channel's main field; a JSON object may give "channel" and "fields"
    /// (or "text") itself.</summary>
    internal static VariantContent ParseItem(string text, ChannelKind? channel)
    {
        var trimmed = text.TrimStart();
        if (!trimmed.StartsWith('{')) return VariantContent.FromText(text.TrimEnd('\r', '\n'), channel);
        JsonDocument doc;
        try { doc = JsonDocument.Parse(trimmed); }
        catch (JsonException e) { throw new FormatException($"input starts with '{{' but is not valid JSON: {e.Message}"); }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.TryGetProperty("channel", out var ch) && ch.ValueKind == JsonValueKind.String)
                channel = ChannelCatalog.TryParse(ch.GetString(), out var spec) ? spec.Kind : throw new FormatException($"unknown channel '{ch.GetString()}'");
            if (root.TryGetProperty("fields", out var fields) && fields.ValueKind == JsonValueKind.Object)
                return new VariantContent(channel, fields.EnumerateObject().ToDictionary(p => p.Name,
                    p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : throw new FormatException($"field '{p.Name}' must be a string")));
            if (root.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String)
                return VariantContent.FromText(t.GetString()!, channel);
            throw new FormatException("a JSON item needs \"text\" or \"fields\"");
        }
    }

    private static int Usage(TextWriter error, string message)
    {
        error.WriteLine($"studio check: {message}");
        return CheckExitCodes.UsageOrInput;
    }
}
