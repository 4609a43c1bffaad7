using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ContentStudio.Testing;

/// <summary>A real OpenAI-compatible HTTP endpoint on 127.0.0.1 (Kestrel, port chosen by the OS) serving
/// POST /v1/chat/completions as plain JSON or SSE, scripted per request, recording what it was sent.</summary>
public sealed class FakeOpenAiServer : IAsyncDisposable
{
    readonly WebApplication _app;
    readonly ConcurrentQueue<FakeReply> _script = new();
    readonly Lock _gate = new();
    readonly List<RecordedRequest> _requests = [];
    FakeReply _last = FakeReply.Text("{}");
    int _inFlight;

    public sealed record RecordedRequest(DateTime AtUtc, string Path, IReadOnlyDictionary<string, string> Headers, JsonObject Body)
    {
        /// <summary>The query string, e.g. "?api-version=2025-04-01-preview" on the Azure route.</summary>
        public string Query { get; init; } = "";
        /// <summary>The status the server chose for this request, and the Retry-After it sent (set before answering).</summary>
        public int Status { get; internal set; }
        public string? RetryAfter { get; internal set; }
        /// <summary>The task seed the request carries: which task a request belongs to.</summary>
        public long? Seed => Body["seed"]?.GetValue<long>();
        public bool Stream => Body["stream"]?.GetValue<bool>() == true;
        public JsonArray Messages => Body["messages"]!.AsArray();
        /// <summary>Every message's text, one after another.</summary>
        public string Prompt => string.Join("\n", Messages.Select(m => m?["content"]?.ToString()));
    }

    FakeOpenAiServer(WebApplication app) => _app = app;

    public Uri BaseUri { get; private set; } = null!;
    /// <summary>The same server as an Azure OpenAI resource (…/openai/deployments/{deployment}/chat/completions?api-version=…).</summary>
    public Uri AzureResourceUri => new(BaseUri, "/");
    public int PeakConcurrency { get; private set; }

    /// <summary>Requests being answered right now (the benchmarks' slot-use figure).</summary>
    public int InFlight
    {
        get { lock (_gate) return _inFlight; }
    }

    /// <summary>"316 requests: 200 × 200, 96 × 429, …" from the record.</summary>
    public string Describe()
    {
        var requests = Requests;
        return $"{requests.Count} requests: " + string.Join(", ", requests.GroupBy(r => r.Status).OrderBy(g => g.Key).Select(g => $"{g.Count()} × {g.Key}"));
    }

    /// <summary>When set, requests are answered by chance from the mix instead of from the script.</summary>
    public FakeFaultMix? Faults { get; set; }

    public IReadOnlyList<RecordedRequest> Requests
    {
        get { lock (_gate) return _requests.ToArray(); }
    }

    public static async Task<FakeOpenAiServer> StartAsync()
    {
        var app = LoopbackHost.Create();
        var server = new FakeOpenAiServer(app);
        app.MapPost("/v1/chat/completions", server.HandleAsync);
        app.MapPost("/openai/deployments/{deployment}/chat/completions", server.HandleAsync); // the Azure OpenAI shape
        server.BaseUri = new Uri(await LoopbackHost.StartAsync(app) + "/v1/");
        return server;
    }

    public FakeOpenAiServer Then(params FakeReply[] replies)
    {
        foreach (var r in replies) _script.Enqueue(r);
        return this;
    }

    FakeReply Next()
    {
        lock (_gate)
        {
            if (_script.TryDequeue(out var reply)) _last = reply;
            return _last;
        }
    }

    async Task HandleAsync(HttpContext context)
    {
        var body = (JsonNode.Parse(await new StreamReader(context.Request.Body).ReadToEndAsync()) as JsonObject) ?? [];
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var recorded = new RecordedRequest(DateTime.UtcNow, context.Request.Path, headers, body) { Query = context.Request.QueryString.Value ?? "" };
        lock (_gate)
        {
            _requests.Add(recorded);
            PeakConcurrency = Math.Max(PeakConcurrency, ++_inFlight);
        }
        try
        {
            var reply = Faults?.Next(recorded.AtUtc) ?? Next();
            recorded.Status = reply.Status;
            recorded.RetryAfter = reply.RetryAfter;
            if (reply.Latency > TimeSpan.Zero)
            {
                try { await Task.Delay(reply.Latency, context.RequestAborted); }
                catch (OperationCanceledException) { return; } // the client gave up: nothing left to answer
            }
            if (reply.RetryAfter is not null) context.Response.Headers.RetryAfter = reply.RetryAfter;
            context.Response.StatusCode = reply.Status;
            var model = body["model"]?.GetValue<string>() ?? "fake-model";
            if (reply.AnswersThePrompt) reply = reply with { Content = PromptAnswer.For(recorded.Prompt), PromptTokens = recorded.Prompt.Length / 4 };
            if (reply.RawBody is not null) await Write(context, "application/json", reply.RawBody);
            else if (reply.Status != 200) await Write(context, "application/json", ErrorBody(reply.Status));
            else if (recorded.Stream) await StreamAsync(context, reply, model);
            else await Write(context, "application/json", CompletionBody(reply, model));
        }
        finally
        {
            lock (_gate) _inFlight--;
        }
    }

    static async Task StreamAsync(HttpContext context, FakeReply reply, string model)
    {
        context.Response.ContentType = "text/event-stream";
        var chunks = reply.Content.Chunk(reply.ChunkSize).Select(c => new string(c)).ToList();
        for (var i = 0; i < chunks.Count; i++)
        {
            if (reply.CutAfterChunks == i) { await CutAsync(context); return; }
            var delta = i == 0 ? new JsonObject { ["role"] = "assistant", ["content"] = chunks[i] } : new JsonObject { ["content"] = chunks[i] };
            await Event(context, Chunk(model, new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = delta, ["finish_reason"] = null })));
        }
        if (reply.CutAfterChunks is not null) { await CutAsync(context); return; }
        await Event(context, Chunk(model, new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = new JsonObject(), ["finish_reason"] = reply.FinishReason })));
        var usage = Chunk(model, []);
        usage["usage"] = Usage(reply);
        await Event(context, usage);
        await context.Response.WriteAsync("data: [DONE]\n\n");
    }

    /// <summary>A reset connection can make the client's kernel drop data it has not read yet: give the client a
    /// moment to read the chunks already sent, so the cut lands where the script says.</summary>
    static async Task CutAsync(HttpContext context)
    {
        await context.Response.Body.FlushAsync();
        await Task.Delay(150);
        context.Abort();
    }

    static async Task Event(HttpContext context, JsonObject data)
    {
        await context.Response.WriteAsync($"data: {data.ToJsonString()}\n\n");
        await context.Response.Body.FlushAsync();
    }

    static JsonObject Chunk(string model, JsonArray choices) => new()
    {
        ["id"] = "chatcmpl-fake", ["object"] = "chat.completion.chunk", ["created"] = 1_760_000_000, ["model"] = model, ["choices"] = choices,
    };

    static string CompletionBody(FakeReply reply, string model)
    {
        var choice = new JsonObject
        {
            ["index"] = 0,
            ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = reply.Content },
            ["finish_reason"] = reply.FinishReason,
        };
        var body = new JsonObject
        {
            ["id"] = "chatcmpl-fake", ["object"] = "chat.completion", ["created"] = 1_760_000_000, ["model"] = model,
            ["choices"] = new JsonArray(choice),
            ["usage"] = Usage(reply),
        };
        // Azure OpenAI's content-filter annotations: per choice for the reply, per prompt for the request.
        if (reply.ReplyFilter is not null) choice["content_filter_results"] = reply.ReplyFilter.DeepClone();
        if (reply.PromptFilter is not null)
            body["prompt_filter_results"] = new JsonArray(new JsonObject { ["prompt_index"] = 0, ["content_filter_results"] = reply.PromptFilter.DeepClone() });
        return body.ToJsonString();
    }

    /// <summary>Token counts a test can predict: one per four characters of output, and the reply's prompt tokens in.</summary>
    static JsonObject Usage(FakeReply reply)
    {
        var output = (reply.Content.Length + 3) / 4;
        return new JsonObject { ["prompt_tokens"] = reply.PromptTokens, ["completion_tokens"] = output, ["total_tokens"] = reply.PromptTokens + output };
    }

    static string ErrorBody(int status) => new JsonObject
    {
        ["error"] = new JsonObject { ["message"] = $"fake error {status}", ["type"] = status == 429 ? "rate_limit_exceeded" : "server_error", ["code"] = null },
    }.ToJsonString();

    static Task Write(HttpContext context, string contentType, string body)
    {
        context.Response.ContentType = contentType;
        return context.Response.WriteAsync(body, Encoding.UTF8);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
