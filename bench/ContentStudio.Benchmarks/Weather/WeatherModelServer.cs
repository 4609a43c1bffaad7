using System.Text.Json.Nodes;
using ContentStudio.Benchmarks.WallClock;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ContentStudio.Benchmarks.Weather;

/// <summary>An OpenAI-compatible endpoint on 127.0.0.1 with weather: each request is answered by chance (seeded) with a
/// 429 carrying Retry-After 1–2 s, a 500, a hang, or after a fixed latency a valid answer for the prompt's fields
/// (<see cref="FakeModelServer.Answer"/>); during an outage (from the first request on) with 503s. It counts what is in
/// flight, for the slot-use figure.</summary>
internal sealed class WeatherModelServer : IAsyncDisposable
{
    readonly WebApplication _app;
    readonly Lock _gate = new();
    readonly Random _random = new(20261207);
    readonly TimeSpan _latency, _hangFor, _outage;
    readonly double _rateLimited, _serverError, _hang;
    int _inFlight, _peak, _requests, _rateLimitedCount, _errors, _hangs, _unavailable;

    WeatherModelServer(WebApplication app, TimeSpan latency, double rateLimited, double serverError, double hang, TimeSpan hangFor, TimeSpan outage)
    {
        (_app, _latency, _rateLimited, _serverError, _hang, _hangFor, _outage) = (app, latency, rateLimited, serverError, hang, hangFor, outage);
    }

    public Uri BaseUri { get; private set; } = null!;
    public DateTime? OutageEndsUtc { get; private set; }
    public int InFlight => Volatile.Read(ref _inFlight);
    public int PeakConcurrency => Volatile.Read(ref _peak);
    public string Describe() =>
        $"{_requests} requests: {_rateLimitedCount} × 429, {_errors} × 500, {_hangs} hangs, {_unavailable} × 503 (outage)";

    public static async Task<WeatherModelServer> StartAsync(TimeSpan latency, double rateLimited, double serverError, double hang,
        TimeSpan hangFor, TimeSpan outage)
    {
        var app = LoopbackHost.Create();
        var server = new WeatherModelServer(app, latency, rateLimited, serverError, hang, hangFor, outage);
        app.MapPost("/v1/chat/completions", server.HandleAsync);
        server.BaseUri = new Uri(await LoopbackHost.StartAsync(app) + "/v1/");
        return server;
    }

    enum Weather { Fine, RateLimited, ServerError, Hang, Down }

    Weather Roll(out int retryAfterSeconds)
    {
        lock (_gate)
        {
            _requests++;
            retryAfterSeconds = 1 + _random.Next(2);
            var now = DateTime.UtcNow;
            if (_outage > TimeSpan.Zero && now < (OutageEndsUtc ??= now + _outage)) { _unavailable++; return Weather.Down; }
            var roll = _random.NextDouble();
            if ((roll -= _rateLimited) < 0) { _rateLimitedCount++; return Weather.RateLimited; }
            if ((roll -= _serverError) < 0) { _errors++; return Weather.ServerError; }
            if ((roll -= _hang) < 0) { _hangs++; return Weather.Hang; }
            return Weather.Fine;
        }
    }

    async Task HandleAsync(HttpContext context)
    {
        var now = Interlocked.Increment(ref _inFlight);
        for (int peak; now > (peak = Volatile.Read(ref _peak)) && Interlocked.CompareExchange(ref _peak, now, peak) != peak;) { }
        try
        {
            var body = await JsonNode.ParseAsync(context.Request.Body) as JsonObject ?? [];
            switch (Roll(out var retryAfter))
            {
                case Weather.RateLimited:
                    context.Response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    await Error(context, 429);
                    return;
                case Weather.ServerError: await Error(context, 500); return;
                case Weather.Down: await Error(context, 503); return;
                case Weather.Hang: await Task.Delay(_hangFor, context.RequestAborted); return;
            }
            var prompt = string.Join("\n", body["messages"]?.AsArray().Select(m => m?["content"]?.ToString()) ?? []);
            await Task.Delay(_latency, context.RequestAborted);
            var content = FakeModelServer.Answer(prompt);
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(new JsonObject
            {
                ["id"] = "chatcmpl-weather", ["object"] = "chat.completion", ["created"] = 1_760_000_000, ["model"] = "fake-model",
                ["choices"] = new JsonArray(new JsonObject
                {
                    ["index"] = 0, ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = content }, ["finish_reason"] = "stop",
                }),
                ["usage"] = new JsonObject { ["prompt_tokens"] = prompt.Length / 4, ["completion_tokens"] = content.Length / 4, ["total_tokens"] = (prompt.Length + content.Length) / 4 },
            }.ToJsonString());
        }
        catch (OperationCanceledException) { /* the client gave up on a hang */ }
        finally { Interlocked.Decrement(ref _inFlight); }
    }

    static Task Error(HttpContext context, int status)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync($$$"""{"error": {"message": "weather {{{status}}}", "type": "server_error"}}""");
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
