namespace ContentStudio.Core.Llm;

/// <summary>Which provider and model the configured pipeline talks to: goes into every variant's provenance, and
/// tells model-judged checks whether a real model is there (with Offline they report "not run").</summary>
public interface ILlmDescriptor
{
    /// <summary>"Offline", "OpenAI", "AzureOpenAI" or "OpenAICompatible".</summary>
    string Provider { get; }

    /// <summary>Model id or Azure deployment name; for Offline, the composer's own name.</summary>
    string Model { get; }

    bool IsOffline { get; }
}

public sealed record LlmDescriptor(string Provider, string Model) : ILlmDescriptor
{
    public const string OfflineModelFallback = "offline-composer";

    public bool IsOffline => Provider == nameof(LlmProvider.Offline);
}
