using System.Text.Json;
using System.Text.Json.Serialization;
using ContentStudio.Core.Generation;
using ContentStudio.Core.Publishing.Rendering;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Core.Publishing.Delivery;

/// <summary>Check results summarised for receivers and the manifest (the full report stays in the studio).</summary>
public sealed record CheckSummary(string? Gate, int? Score);

/// <summary>What a target receives for one variant: the webhook body, and one entry of an export manifest.
/// Built once when the publication is queued, so every attempt carries the same bytes.</summary>
public sealed record PublicationPayload(
    Guid Id, Guid VariantId, Guid CampaignId, string Channel, string SegmentKey, int VariantIndex,
    IReadOnlyDictionary<string, string> Fields, string Html, string ContentHash, string ApprovedBy, DateTime ApprovedUtc,
    VariantProvenance Provenance, CheckSummary Checks)
{
    public static JsonSerializerOptions Json => StudioJson.Options;

    public static PublicationPayload For(Guid deliveryId, Variant variant, ApprovalEvidence approval)
    {
        var fields = new SortedDictionary<string, string>(variant.Fields.ToDictionary(), StringComparer.Ordinal);
        return new(deliveryId, variant.Id, variant.CampaignId, variant.Channel.ToString(), variant.SegmentKey, variant.VariantIndex,
            fields, VariantHtml.Render(fields), variant.ContentHash, approval.ApprovedBy, approval.ApprovedUtc,
            variant.Provenance, new CheckSummary(variant.CheckGate?.ToString(), variant.CheckScore));
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static PublicationPayload FromJson(string json) =>
        JsonSerializer.Deserialize<PublicationPayload>(json, Json) ?? throw new InvalidDataException("empty publication payload");

    /// <summary>A readable file name for the variant: segment, channel, index, and the id so names never collide.</summary>
    public string FileStem => $"{Safe(SegmentKey)}-{Safe(Channel.ToLowerInvariant())}-{VariantIndex}-{VariantId:N}";

    private static string Safe(string s)
    {
        var chars = s.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-').ToArray();
        var result = new string(chars).Trim('-');
        return result.Length == 0 ? "x" : result.Length > 40 ? result[..40] : result;
    }
}

/// <summary>A variant's fields as one HTML fragment: a heading per field, each value through the safe renderer.</summary>
public static class VariantHtml
{
    public static string Render(IReadOnlyDictionary<string, string> fields)
    {
        var html = new System.Text.StringBuilder();
        foreach (var (name, value) in fields)
            html.Append("<h4>").Append(HtmlAllowlist.Encode(name)).Append("</h4>").Append(SafeHtmlRenderer.Render(value));
        // One more pass over the whole: the pieces are safe, and this keeps it true if the layout above changes.
        return HtmlAllowlist.Sanitize(html.ToString());
    }

    /// <summary>The same fields as Markdown, for the .md export.</summary>
    public static string Markdown(IReadOnlyDictionary<string, string> fields) =>
        string.Join("\n\n", fields.Select(f => $"## {f.Key}\n\n{f.Value}")) + "\n";
}
