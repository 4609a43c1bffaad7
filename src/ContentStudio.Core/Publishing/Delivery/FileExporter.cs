using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ContentStudio.Core.Publishing.Rendering;

namespace ContentStudio.Core.Publishing.Delivery;

/// <summary>Writes approved variants as files: a folder per campaign holding &lt;variant&gt;.md, &lt;variant&gt;.html
/// (sanitised) and manifest.json (provenance and approval evidence of each variant). Every file is written to a
/// temporary name and moved into place, so a reader never sees half a file.</summary>
public static class FileExporter
{
    public const string ManifestName = "manifest.json";
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> FolderLocks = new(StringComparer.Ordinal);
    private static readonly UTF8Encoding Utf8WithBom = new(encoderShouldEmitUTF8Identifier: true);
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private static readonly JsonSerializerOptions Indented = new(PublicationPayload.Json) { WriteIndented = true };

    public static string CampaignFolder(string root, Guid campaignId) => Path.Combine(Path.GetFullPath(root), campaignId.ToString("N"));

    /// <summary>Writes the variant's files and adds (or replaces) its manifest entry. Returns the campaign folder.</summary>
    public static async Task<string> ExportAsync(string root, PublicationPayload payload, CancellationToken ct)
    {
        var folder = CampaignFolder(root, payload.CampaignId);
        var gate = FolderLocks.GetOrAdd(folder, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        try
        {
            Directory.CreateDirectory(folder);
            await WriteAtomicAsync(Path.Combine(folder, payload.FileStem + ".md"), VariantHtml.Markdown(payload.Fields), Utf8, ct);
            await WriteAtomicAsync(Path.Combine(folder, payload.FileStem + ".html"), HtmlDocument(payload), Utf8WithBom, ct);
            await UpdateManifestAsync(folder, payload, ct);
            return folder;
        }
        finally { gate.Release(); }
    }

    /// <summary>A whole page around the sanitised fragment. No meta element: the UTF-8 byte order mark states the encoding.</summary>
    public static string HtmlDocument(PublicationPayload payload)
    {
        var title = HtmlAllowlist.Encode($"{payload.Channel} · {payload.SegmentKey} · #{payload.VariantIndex}");
        return $"<!doctype html>\n<html lang=\"en\">\n<head>\n<title>{title}</title>\n</head>\n<body>\n<h1>{title}</h1>\n{payload.Html}\n</body>\n</html>\n";
    }

    private static async Task UpdateManifestAsync(string folder, PublicationPayload payload, CancellationToken ct)
    {
        var path = Path.Combine(folder, ManifestName);
        var entries = new SortedDictionary<string, JsonNode>(StringComparer.Ordinal);
        if (File.Exists(path) && JsonNode.Parse(await File.ReadAllTextAsync(path, ct))?["variants"] is JsonArray existing)
            foreach (var entry in existing.OfType<JsonObject>())
                if (entry["variantId"]?.GetValue<string>() is { } id) entries[id] = entry.DeepClone();
        entries[payload.VariantId.ToString()] = ManifestEntry(payload);
        var manifest = new JsonObject
        {
            ["campaignId"] = payload.CampaignId.ToString(),
            ["variants"] = new JsonArray(entries.Values.Select(e => (JsonNode?)e.DeepClone()).ToArray()),
        };
        await WriteAtomicAsync(path, manifest.ToJsonString(Indented), Utf8, ct);
    }

    private static JsonObject ManifestEntry(PublicationPayload p) => new()
    {
        ["variantId"] = p.VariantId.ToString(),
        ["deliveryId"] = p.Id.ToString(),
        ["channel"] = p.Channel,
        ["segmentKey"] = p.SegmentKey,
        ["variantIndex"] = p.VariantIndex,
        ["markdownFile"] = p.FileStem + ".md",
        ["htmlFile"] = p.FileStem + ".html",
        ["contentHash"] = p.ContentHash,
        ["approval"] = new JsonObject
        {
            ["approvedBy"] = p.ApprovedBy,
            ["approvedUtc"] = p.ApprovedUtc.ToString("O"),
            ["contentHash"] = p.ContentHash,
        },
        ["checks"] = JsonSerializer.SerializeToNode(p.Checks, PublicationPayload.Json),
        ["provenance"] = JsonSerializer.SerializeToNode(p.Provenance, PublicationPayload.Json),
    };

    private static async Task WriteAtomicAsync(string path, string content, Encoding encoding, CancellationToken ct)
    {
        var temp = Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.Asynchronous))
            {
                var bytes = encoding.GetPreamble().Concat(encoding.GetBytes(content)).ToArray();
                await stream.WriteAsync(bytes, ct);
                await stream.FlushAsync(ct);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }
}
