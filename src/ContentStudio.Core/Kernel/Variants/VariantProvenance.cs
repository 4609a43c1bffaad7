namespace ContentStudio.Core.Kernel;

/// <summary>Where a variant came from.</summary>
public sealed record VariantProvenance(
    string TemplateName,
    string TemplateVersion,
    string Provider,
    string Model,
    string PromptHash,
    int InputTokens,
    int OutputTokens,
    long LatencyMs,
    int Attempts);
