using System.Globalization;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using ContentStudio.Core.Kernel;
using ContentStudio.Core.Publishing.Delivery;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ContentStudio.Core.Audit;

/// <summary>Sends every head the anchor records to a second place outside the database when Audit:AnchorWebhookUrl is
/// set: a POST signed like the publishing webhooks (<see cref="WebhookSignature"/>, docs/webhooks.md) with
/// Audit:AnchorWebhookSecret, delivery id "audit-anchor-{sequence}". A file in the data folder can be rewritten by
/// whoever holds the data folder; a head held by another system cannot. Sending happens in the background: an append
/// or an anchor only hands the head over (<see cref="Offer"/>) and never waits for the network. A failed send is logged
/// and retried (Audit:AnchorWebhookRetrySeconds, doubling up to Audit:AnchorIntervalSeconds); only the newest head waits
/// (a newer head says everything an older one did), so a long outage sends one head, not a backlog.</summary>
public sealed class AuditAnchorWebhook : IDisposable
{
    public const string Kind = "audit-anchor";

    readonly AuditOptions _options;
    readonly ILogger _log;
    readonly HttpClient? _http;
    readonly Uri? _url;
    readonly CancellationTokenSource _stop = new();
    readonly Lock _gate = new();
    AuditAnchorLine? _pending;
    Task _sending = Task.CompletedTask;

    public AuditAnchorWebhook(IOptions<AuditOptions> options, ILogger<AuditAnchorWebhook>? log = null)
    {
        _options = options.Value;
        _log = log ?? NullLogger<AuditAnchorWebhook>.Instance;
        if (_options.AnchorWebhookUrl.Length == 0) return;
        _url = new Uri(_options.AnchorWebhookUrl); // checked at start (AuditOptionsValidator)
        // Redirects are not followed: the head goes to the configured receiver or nowhere.
        _http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false })
        {
            Timeout = TimeSpan.FromSeconds(_options.AnchorWebhookTimeoutSeconds),
        };
    }

    public bool IsConfigured => _http is not null;

    /// <summary>The newest head the receiver accepted (null before the first).</summary>
    public AuditAnchorLine? LastDelivered { get; private set; }

    /// <summary>Hands a recorded head over for sending and returns at once.</summary>
    public void Offer(AuditAnchorLine line)
    {
        if (_http is null) return;
        lock (_gate)
        {
            if (_pending is null || line.Sequence > _pending.Sequence) _pending = line;
            if (_sending.IsCompleted) _sending = Task.Run(SendUntilDeliveredAsync);
        }
    }

    /// <summary>Waits (at most <paramref name="timeout"/>) until nothing is waiting to be sent: short-lived processes
    /// (`studio audit verify`) call it before they exit. True when everything offered was delivered.</summary>
    public async Task<bool> FlushAsync(TimeSpan timeout)
    {
        Task sending;
        lock (_gate) sending = _sending;
        try { await sending.WaitAsync(timeout).ConfigureAwait(false); }
        catch (TimeoutException) { }
        lock (_gate) return _pending is null;
    }

    async Task SendUntilDeliveredAsync()
    {
        var delay = TimeSpan.FromSeconds(_options.AnchorWebhookRetrySeconds);
        var longest = TimeSpan.FromSeconds(Math.Max(_options.AnchorWebhookRetrySeconds, _options.AnchorIntervalSeconds));
        while (!_stop.IsCancellationRequested)
        {
            AuditAnchorLine line;
            lock (_gate)
            {
                if (_pending is null) return;
                line = _pending;
            }
            var failure = await SendAsync(line).ConfigureAwait(false);
            if (failure is null)
            {
                LastDelivered = line;
                lock (_gate)
                    if (ReferenceEquals(_pending, line)) _pending = null;
                delay = TimeSpan.FromSeconds(_options.AnchorWebhookRetrySeconds);
                continue;
            }
            _log.LogWarning("Could not send the audit chain's head (event {Sequence}) to {Url}: {Failure}; retrying in {Delay:0.#} s",
                line.Sequence, _url, failure, delay.TotalSeconds);
            try { await Task.Delay(delay, _stop.Token).ConfigureAwait(false); }
            catch (OperationCanceledException) { return; }
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, longest.Ticks));
        }
    }

    /// <summary>One POST; null when the receiver answered 2xx, else what went wrong.</summary>
    async Task<string?> SendAsync(AuditAnchorLine line)
    {
        var body = JsonSerializer.Serialize(new
        {
            kind = Kind, sequence = line.Sequence, hash = line.Hash, chainVersion = line.ChainVersion, atUtc = line.AtUtc, mac = line.Mac,
        }, StudioJson.Options);
        var id = $"{Kind}-{line.Sequence.ToString(CultureInfo.InvariantCulture)}";
        // The time of sending, on the wall clock: it is what a receiver checks against replays.
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, _url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add(WebhookSignature.DeliveryHeader, id);
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(_options.AnchorWebhookSecret, id, timestamp, body));
        request.Headers.UserAgent.ParseAdd("ContentStudio-AuditAnchor/1.0");
        try
        {
            using var response = await _http!.SendAsync(request, _stop.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            return status is >= 200 and < 300 ? null : $"HTTP {status}";
        }
        catch (OperationCanceledException) when (!_stop.IsCancellationRequested)
        {
            return $"no answer within {_options.AnchorWebhookTimeoutSeconds:0.###} s";
        }
        catch (HttpRequestException e)
        {
            return $"network error: {e.Message}";
        }
        catch (OperationCanceledException)
        {
            return "stopped";
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _http?.Dispose();
    }
}
