using System.Diagnostics;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using ContentStudio.Core.Publishing.Security;
using Microsoft.Extensions.Options;

namespace ContentStudio.Core.Publishing.Delivery;

/// <summary>POSTs a publication to a webhook target, signed (see <see cref="WebhookSignature"/>), through a handler
/// that only connects to addresses the <see cref="UrlGuard"/> approves and never follows redirects.</summary>
public sealed class WebhookSender : IDisposable
{
    private readonly HttpClient _http;
    private readonly UrlGuard _guard;
    private readonly PublishingSecrets _secrets;
    private readonly PublishingOptions _options;
    private readonly TimeProvider _clock;

    public WebhookSender(IOptions<PublishingOptions> options, PublishingSecrets secrets, TimeProvider clock)
    {
        _options = options.Value;
        _secrets = secrets;
        _clock = clock;
        _guard = UrlGuard.For(_options);
        // Timeouts are per attempt (below), so the client's own timeout stays out of the way.
        _http = new HttpClient(GuardedConnector.CreateHandler(_guard)) { Timeout = Timeout.InfiniteTimeSpan };
    }

    public async Task<SendResult> SendAsync(PublishTarget target, OutboxMessage message, CancellationToken ct)
    {
        var shape = _guard.CheckShape(target.Url, out var uri);
        if (!shape.Allowed || uri is null) return SendResult.Failed($"target '{target.Name}': {shape.Reason}", permanent: true);
        if (_secrets.Get(target) is not { } secret) return SendResult.Failed(PublishingSecrets.Missing(target), permanent: true);

        var deliveryId = message.Id.ToString();
        var timestamp = _clock.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, uri)
        {
            Content = new StringContent(message.PayloadJson, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(WebhookSignature.DeliveryHeader, deliveryId);
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString());
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(secret, deliveryId, timestamp, message.PayloadJson));
        request.Headers.UserAgent.ParseAdd("ContentStudio-Webhook/1.0");

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(_options.RequestTimeoutSeconds));
        var watch = Stopwatch.StartNew();
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token);
            var body = await response.Content.ReadAsStringAsync(timeout.Token);
            var status = (int)response.StatusCode;
            if (status is >= 200 and < 300)
                return SendResult.Ok(JsonSerializer.Serialize(new
                {
                    kind = "webhook", status, elapsedMs = watch.ElapsedMilliseconds, attempt = message.Attempts,
                    atUtc = _clock.GetUtcNow().UtcDateTime, response = Clip(body),
                }, PublicationPayload.Json));
            if (status is >= 300 and < 400)
                return SendResult.Failed($"HTTP {status}: redirects are not followed (Location: {Clip(response.Headers.Location?.ToString() ?? "")})");
            return SendResult.Failed($"HTTP {status}: {Clip(body)}");
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return SendResult.Failed($"no answer within {_options.RequestTimeoutSeconds:0.###} s");
        }
        catch (HttpRequestException e) when (Find<WebhookRefusedException>(e) is { } refused)
        {
            return SendResult.Failed($"target '{target.Name}': {refused.Message}", permanent: true);
        }
        catch (HttpRequestException e)
        {
            return SendResult.Failed($"network error: {e.Message}");
        }
    }

    private static T? Find<T>(Exception? e) where T : Exception
    {
        for (; e is not null; e = e.InnerException) if (e is T found) return found;
        return null;
    }

    private static string Clip(string text) => text.Length <= 300 ? text : text[..300] + "…";

    public void Dispose() => _http.Dispose();
}
