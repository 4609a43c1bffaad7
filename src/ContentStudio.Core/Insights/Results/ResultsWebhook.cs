using ContentStudio.Core.Kernel;
using ContentStudio.Core.Publishing.Delivery;
using Microsoft.Extensions.Configuration;

namespace ContentStudio.Core.Insights.Results;

/// <summary>What a signed push of results came to: refused (the signature, the sender or the timestamp; deliberately
/// without saying which), or the import's report.</summary>
public sealed record ResultsWebhookOutcome(bool Authentic, ResultsImportReport? Report);

/// <summary>Results pushed by an ESP to POST /api/results, signed like the studio's own outbound webhooks
/// (docs/webhooks.md): HMAC-SHA256 with the sender's secret over "{delivery id}.{unix seconds}.{body}", sent as
/// "sha256=&lt;hex&gt;" with the X-ContentStudio-Delivery / -Timestamp / -Signature headers, plus X-ContentStudio-Source
/// naming the sender. Each sender's secret is read from configuration (Insights:Secrets:&lt;Source&gt;, environment or
/// user-secrets only) at the moment of checking; a timestamp more than five minutes off is refused (replays). The body
/// is a results CSV, imported exactly as `studio results import` imports a file, as the sender "webhook:&lt;source&gt;".</summary>
public sealed class ResultsWebhook(IConfiguration configuration, ResultsImporter importer, TimeProvider clock)
{
    public const string SourceHeader = "X-ContentStudio-Source";
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    public static string SecretKey(string source) => $"{InsightsOptions.Section}:Secrets:{source}";

    public async Task<ResultsWebhookOutcome> ReceiveAsync(string? source, string? deliveryId, string? timestamp, string? signature, string body,
        CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(source) || source.Length > 100 || !source.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
            || string.IsNullOrWhiteSpace(deliveryId) || deliveryId.Length > 200 || timestamp is null || signature is null)
            return new(false, null);
        var secret = configuration[SecretKey(source)];
        if (string.IsNullOrEmpty(secret)) return new(false, null);
        if (!WebhookSignature.Verify(secret, deliveryId, timestamp, body, signature, clock.GetUtcNow(), Tolerance)) return new(false, null);
        var sender = new StudioUser($"webhook:{source}", source, StudioRoles.Marketer);
        var report = await importer.ImportAsync(new StringReader(body), $"webhook {source} {deliveryId}", sender, ct);
        return new(true, report);
    }
}
