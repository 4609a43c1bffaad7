namespace ContentStudio.Testing;

/// <summary>How the fake answers one request. Replies are taken in order; the last one repeats.</summary>
public sealed record FakeReply
{
    public int Status { get; init; } = 200;
    /// <summary>The assistant's text (sent as JSON, or as SSE chunks when the request asks to stream).</summary>
    public string Content { get; init; } = "";
    public string FinishReason { get; init; } = "stop";
    /// <summary>Sent verbatim instead of a well-formed body (a broken provider).</summary>
    public string? RawBody { get; init; }
    public string? RetryAfter { get; init; }
    /// <summary>Wait before answering (headers included).</summary>
    public TimeSpan Latency { get; init; }
    /// <summary>For a stream: abort the connection after this many content chunks.</summary>
    public int? CutAfterChunks { get; init; }
    public int ChunkSize { get; init; } = 8;
    /// <summary>Answer what the prompt asks for instead of <see cref="Content"/>: one JSON object with every field the
    /// prompt's output shape names (the `"field": "&lt;label, at most N characters&gt;"` lines every prompt ends with),
    /// each within its limit, so every channel gets a valid answer (the benchmarks' model).</summary>
    public bool AnswersThePrompt { get; init; }
    /// <summary>The prompt tokens the usage reports (a prompt answer reports one per four characters of the prompt).</summary>
    public int PromptTokens { get; init; } = 25;
    /// <summary>Azure OpenAI's content_filter_results for the reply (see <see cref="Filter"/>); null sends none.</summary>
    public System.Text.Json.Nodes.JsonObject? ReplyFilter { get; init; }
    /// <summary>Azure OpenAI's prompt_filter_results for the request; null sends none.</summary>
    public System.Text.Json.Nodes.JsonObject? PromptFilter { get; init; }

    /// <summary>Content-filter results as Azure writes them: the four severity categories (safe unless named) plus any
    /// detect-only category given with severity "detected" (jailbreak, protected_material_text, …).</summary>
    public static System.Text.Json.Nodes.JsonObject Filter(params (string Category, string Severity, bool Filtered)[] flagged)
    {
        var results = new System.Text.Json.Nodes.JsonObject();
        foreach (var category in new[] { "hate", "self_harm", "sexual", "violence" })
            results[category] = new System.Text.Json.Nodes.JsonObject { ["filtered"] = false, ["severity"] = "safe" };
        foreach (var (category, severity, filtered) in flagged)
            results[category] = severity == "detected"
                ? new System.Text.Json.Nodes.JsonObject { ["filtered"] = filtered, ["detected"] = true }
                : new System.Text.Json.Nodes.JsonObject { ["filtered"] = filtered, ["severity"] = severity };
        return results;
    }

    public static FakeReply Text(string content, TimeSpan latency = default) => new() { Content = content, Latency = latency };
    public static FakeReply Error(int status, string? retryAfter = null) => new() { Status = status, RetryAfter = retryAfter };
    public static FakeReply Hang(TimeSpan duration) => new() { Latency = duration, Content = "{\"late\": \"too late\"}" };
    public static FakeReply StreamCut(string content, int afterChunks) => new() { Content = content, CutAfterChunks = afterChunks };
    public static FakeReply ForPrompt(TimeSpan latency = default) => new() { AnswersThePrompt = true, Latency = latency };
}
