using Azure.AI.OpenAI;
using Azure.AI.OpenAI.Chat;
using Microsoft.Extensions.AI;
using OpenAI.Chat;

namespace ContentStudio.Core.Llm;

/// <summary>Reads Azure OpenAI's content-filter results (prompt_filter_results and each choice's
/// content_filter_results) from the SDK's completion and leaves every category that was not rated safe, or that was
/// detected or filtered, on the response under <see cref="ProviderSafety.PropertyKey"/>, so generation can put them on the
/// variant as findings. Non-streaming replies only: generation does not stream, and Azure sends a streamed reply's
/// filter results in separate chunks.</summary>
public sealed class AzureContentFilterChatClient(IChatClient inner) : DelegatingChatClient(inner)
{
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<Microsoft.Extensions.AI.ChatMessage> messages, ChatOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        var response = await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        if (response.RawRepresentation is ChatCompletion completion && Read(completion) is { Count: > 0 } results)
            (response.AdditionalProperties ??= [])[ProviderSafety.PropertyKey] = results;
        return response;
    }

#pragma warning disable AOAI001 // the content-filter accessors are marked experimental in Azure.AI.OpenAI
    internal static IReadOnlyList<ProviderSafetyResult> Read(ChatCompletion completion)
    {
        var results = new List<ProviderSafetyResult>();
        if (completion.GetRequestContentFilterResult() is { } prompt)
        {
            AddSeverity(results, "hate", prompt.Hate, true);
            AddSeverity(results, "sexual", prompt.Sexual, true);
            AddSeverity(results, "violence", prompt.Violence, true);
            AddSeverity(results, "self_harm", prompt.SelfHarm, true);
            AddDetection(results, "profanity", prompt.Profanity, true);
            AddDetection(results, "jailbreak", prompt.Jailbreak, true);
            AddDetection(results, "indirect_attack", prompt.IndirectAttack, true);
        }
        if (completion.GetResponseContentFilterResult() is { } reply)
        {
            AddSeverity(results, "hate", reply.Hate, false);
            AddSeverity(results, "sexual", reply.Sexual, false);
            AddSeverity(results, "violence", reply.Violence, false);
            AddSeverity(results, "self_harm", reply.SelfHarm, false);
            AddDetection(results, "profanity", reply.Profanity, false);
            AddDetection(results, "protected_material_text", reply.ProtectedMaterialText, false);
            if (reply.ProtectedMaterialCode is { } code && (code.Detected || code.Filtered))
                results.Add(new ProviderSafetyResult("protected_material_code", "detected", code.Filtered, false));
        }
        return results;
    }

    static void AddSeverity(List<ProviderSafetyResult> results, string category, ContentFilterSeverityResult? r, bool inPrompt)
    {
        if (r is null) return;
        var severity = r.Severity.ToString();
        if (r.Filtered || !string.Equals(severity, "safe", StringComparison.OrdinalIgnoreCase))
            results.Add(new ProviderSafetyResult(category, severity.ToLowerInvariant(), r.Filtered, inPrompt));
    }

    static void AddDetection(List<ProviderSafetyResult> results, string category, ContentFilterDetectionResult? r, bool inPrompt)
    {
        if (r is not null && (r.Detected || r.Filtered)) results.Add(new ProviderSafetyResult(category, "detected", r.Filtered, inPrompt));
    }
#pragma warning restore AOAI001
}
