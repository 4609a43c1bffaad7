using System.Collections.Concurrent;
using ContentStudio.Core.Publishing.Delivery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ContentStudio.Benchmarks.Publishing;

/// <summary>A webhook receiver on 127.0.0.1 (Kestrel, port chosen by the OS) written the way a partner would: verifies
/// each signature, processes a delivery id once and counts repeats. Answers at once, so the bench measures the studio.</summary>
internal sealed class LoopbackReceiver : IAsyncDisposable
{
    readonly WebApplication _app;
    readonly string _secret;
    readonly ConcurrentDictionary<string, int> _arrivals = new();
    int _requests, _badSignatures;

    LoopbackReceiver(WebApplication app, string secret) { _app = app; _secret = secret; }

    public Uri Url { get; private set; } = null!;
    public int Requests => Volatile.Read(ref _requests);
    public int BadSignatures => Volatile.Read(ref _badSignatures);
    /// <summary>Distinct delivery ids received.</summary>
    public int Distinct => _arrivals.Count;
    /// <summary>Arrivals of an id beyond its first.</summary>
    public int Duplicates => _arrivals.Values.Sum(n => n - 1);

    public static async Task<LoopbackReceiver> StartAsync(string secret)
    {
        var app = LoopbackHost.Create();
        var receiver = new LoopbackReceiver(app, secret);
        app.MapPost("/hook", receiver.HandleAsync);
        receiver.Url = new Uri(await LoopbackHost.StartAsync(app) + "/hook");
        return receiver;
    }

    async Task HandleAsync(HttpContext context)
    {
        Interlocked.Increment(ref _requests);
        var body = await new StreamReader(context.Request.Body).ReadToEndAsync();
        var id = context.Request.Headers[WebhookSignature.DeliveryHeader].ToString();
        if (!WebhookSignature.Verify(_secret, id, context.Request.Headers[WebhookSignature.TimestampHeader].ToString(), body,
                context.Request.Headers[WebhookSignature.SignatureHeader].ToString(), DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5)))
        {
            Interlocked.Increment(ref _badSignatures);
            context.Response.StatusCode = 401;
            return;
        }
        _arrivals.AddOrUpdate(id, 1, (_, n) => n + 1);
        context.Response.StatusCode = 200;
        await context.Response.WriteAsJsonAsync(new { received = id });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
