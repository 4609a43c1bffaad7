using Microsoft.Extensions.AI;

namespace ContentStudio.Core.Llm;

/// <summary>What a provider's own safety system said about one call: a category (hate, sexual, violence, self_harm,
/// jailbreak, protected_material_text, …), the severity it rated (safe, low, medium, high; "detected" for the
/// detect-only categories), whether it filtered the text, and whether it judged the prompt or the reply.</summary>
public sealed record ProviderSafetyResult(string Category, string Severity, bool Filtered, bool InPrompt);

/// <summary>Where a provider stage leaves its safety results on a response, and how they are read back.</summary>
public static class ProviderSafety
{
    /// <summary>Key in <see cref="ChatResponse.AdditionalProperties"/> holding an <c>IReadOnlyList&lt;ProviderSafetyResult&gt;</c>.</summary>
    public const string PropertyKey = "contentstudio.provider-safety";

    public static IReadOnlyList<ProviderSafetyResult> Read(ChatResponse response) =>
        response.AdditionalProperties?.TryGetValue(PropertyKey, out var value) == true && value is IReadOnlyList<ProviderSafetyResult> results
            ? results : [];
}
