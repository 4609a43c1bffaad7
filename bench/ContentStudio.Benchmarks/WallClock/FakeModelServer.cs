using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ContentStudio.Benchmarks.WallClock;

/// <summary>A real OpenAI-compatible endpoint on 127.0.0.1 (Kestrel, port chosen by the OS) that answers
/// POST /v1/chat/completions after a fixed latency, like a model that always takes the same time. It reads the
/// JSON shape the prompt asks for (the `"field": "&lt;label, at most N characters&gt;"` lines every prompt ends with)
/// and fills each field within its limit, so every channel gets a valid answer.</summary>
internal sealed partial class FakeModelServer : IAsyncDisposable
{
    readonly WebApplication _app;
    readonly TimeSpan _latency;
    int _inFlight, _peak, _requests;

    FakeModelServer(WebApplication app, TimeSpan latency) { _app = app; _latency = latency; }

    public Uri BaseUri { get; private set; } = null!;
    public int PeakConcurrency => Volatile.Read(ref _peak);
    public int Requests => Volatile.Read(ref _requests);

    public static async Task<FakeModelServer> StartAsync(TimeSpan latency)
    {
        var app = LoopbackHost.Create();
        var server = new FakeModelServer(app, latency);
        app.MapPost("/v1/chat/completions", server.HandleAsync);
        server.BaseUri = new Uri(await LoopbackHost.StartAsync(app) + "/v1/");
        return server;
    }

    async Task HandleAsync(HttpContext context)
    {
        Interlocked.Increment(ref _requests);
        var now = Interlocked.Increment(ref _inFlight);
        for (int peak; now > (peak = Volatile.Read(ref _peak)) && Interlocked.CompareExchange(ref _peak, now, peak) != peak;) { }
        try
        {
            var body = await JsonNode.ParseAsync(context.Request.Body) as JsonObject ?? [];
            var prompt = string.Join("\n", body["messages"]?.AsArray().Select(m => m?["content"]?.ToString()) ?? []);
            await Task.Delay(_latency, context.RequestAborted);
            var content = Answer(prompt);
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(new JsonObject
            {
                ["id"] = "chatcmpl-bench", ["object"] = "chat.completion", ["created"] = 1_760_000_000,
                ["model"] = body["model"]?.GetValue<string>() ?? "fake-model",
                ["choices"] = new JsonArray(new JsonObject
                {
                    ["index"] = 0, ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = content }, ["finish_reason"] = "stop",
                }),
                ["usage"] = new JsonObject { ["prompt_tokens"] = prompt.Length / 4, ["completion_tokens"] = content.Length / 4, ["total_tokens"] = (prompt.Length + content.Length) / 4 },
            }.ToJsonString());
        }
        catch (OperationCanceledException) { /* the client gave up */ }
        finally { Interlocked.Decrement(ref _inFlight); }
    }

    /// <summary>One JSON object with every field the prompt's output shape names, each within its limit.</summary>
    internal static string Answer(string prompt)
    {
        var answer = new JsonObject();
        foreach (Match m in OutputField().Matches(prompt))
        {
            var limit = m.Groups["max"].Success ? int.Parse(m.Groups["max"].Value) : 80;
            var text = $"Fresh Lumen coffee for your {m.Groups["label"].Value}, roasted to order and easy to pause.";
            answer[m.Groups["name"].Value] = text.Length <= limit ? text : text[..limit].TrimEnd();
        }
        return answer.ToJsonString();
    }

    [GeneratedRegex("\"(?<name>[a-z][a-z0-9_-]*)\": \"<(?<label>[^<>,]+)(?:, at most (?<max>\\d+) characters)?>\"")]
    private static partial Regex OutputField();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
