using System.Collections.Concurrent;
using System.Text.Json;
using ContentStudio.Core.Publishing.Delivery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ContentStudio.Testing;

/// <summary>What the receiver does with one request.</summary>
public enum ReceiverAct
{
    Accept,
    /// <summary>Answer 500 without processing.</summary>
    Fail,
    /// <summary>Wait far longer than the sender's timeout, without processing.</summary>
    Hang,
    /// <summary>Process the delivery, then drop the connection before answering (the sender sees a network error).</summary>
    ProcessThenDrop,
    /// <summary>Process the delivery, then hold the answer until the sender gives up.</summary>
    ProcessThenHang,
    Redirect,
}

/// <summary>A real webhook receiver on 127.0.0.1 (Kestrel, port 0), the way a partner would write one: verifies the
/// signature, deduplicates by the delivery id, and records everything. <see cref="Script"/> picks the act from the
/// delivery and how many times this delivery id has arrived before.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    public sealed record Received(string DeliveryId, Guid VariantId, string Body, bool SignatureValid, ReceiverAct Act);

    private readonly WebApplication _app;
    private readonly string _secret;
    private readonly ConcurrentDictionary<string, int> _seen = new();
    private readonly ConcurrentDictionary<string, Guid> _processed = new();
    private readonly ConcurrentQueue<Received> _requests = new();
    private int _duplicatesIgnored;
    private int _redirectTargetHits;

    private WebhookReceiver(WebApplication app, string secret) { _app = app; _secret = secret; }

    public Func<Guid, int, ReceiverAct> Script { get; set; } = (_, _) => ReceiverAct.Accept;
    public Uri Url { get; private set; } = null!;
    public TimeSpan HangFor { get; set; } = TimeSpan.FromSeconds(5);
    /// <summary>How long an accepted delivery takes before it is processed and answered (a slow partner). A sender that
    /// gives up or dies meanwhile leaves it unprocessed.</summary>
    public TimeSpan AcceptDelay { get; set; } = TimeSpan.Zero;
    public IReadOnlyCollection<Received> Requests => _requests.ToArray();
    /// <summary>Delivery ids whose effect happened (processed once each; repeats were recognised and ignored).</summary>
    public IReadOnlyDictionary<string, Guid> Processed => _processed;
    public int DuplicatesIgnored => _duplicatesIgnored;
    public int RedirectTargetHits => _redirectTargetHits;

    public static async Task<WebhookReceiver> StartAsync(string secret)
    {
        var app = LoopbackHost.Create();
        var receiver = new WebhookReceiver(app, secret);
        app.MapPost("/hook", receiver.HandleAsync);
        app.MapPost("/elsewhere", () => { Interlocked.Increment(ref receiver._redirectTargetHits); return Results.Ok(); });
        receiver.Url = new Uri(await LoopbackHost.StartAsync(app) + "/hook");
        return receiver;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var body = await new StreamReader(context.Request.Body).ReadToEndAsync();
        var id = context.Request.Headers[WebhookSignature.DeliveryHeader].ToString();
        var valid = WebhookSignature.Verify(_secret, id, context.Request.Headers[WebhookSignature.TimestampHeader].ToString(), body,
            context.Request.Headers[WebhookSignature.SignatureHeader].ToString(), DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5));
        // Publications name their variant; other signed posts (the audit anchor's heads) have none.
        var variantId = JsonDocument.Parse(body).RootElement.TryGetProperty("variantId", out var v) ? v.GetGuid() : Guid.Empty;
        var seenBefore = _seen.AddOrUpdate(id, 1, (_, n) => n + 1) - 1;
        var act = Script(variantId, seenBefore);
        _requests.Enqueue(new Received(id, variantId, body, valid, act));
        if (!valid) { context.Response.StatusCode = 401; return; }
        switch (act)
        {
            case ReceiverAct.Fail:
                context.Response.StatusCode = 500;
                await context.Response.WriteAsync("temporarily broken");
                return;
            case ReceiverAct.Hang:
                await Wait(context);
                return;
            case ReceiverAct.Redirect:
                context.Response.StatusCode = 302;
                context.Response.Headers.Location = "/elsewhere";
                return;
        }
        if (AcceptDelay > TimeSpan.Zero)
        {
            try { await Task.Delay(AcceptDelay, context.RequestAborted); }
            catch (OperationCanceledException) { return; }
        }
        Process(id, variantId);
        if (act == ReceiverAct.ProcessThenDrop) { context.Abort(); return; }
        if (act == ReceiverAct.ProcessThenHang) { await Wait(context); return; }
        context.Response.StatusCode = 200;
        await context.Response.WriteAsJsonAsync(new { received = id });
    }

    /// <summary>The idempotent part a real receiver writes: the first arrival of an id has its effect, repeats are ignored.</summary>
    private void Process(string id, Guid variantId)
    {
        if (!_processed.TryAdd(id, variantId)) Interlocked.Increment(ref _duplicatesIgnored);
    }

    private async Task Wait(HttpContext context)
    {
        try { await Task.Delay(HangFor, context.RequestAborted); } catch (OperationCanceledException) { }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
