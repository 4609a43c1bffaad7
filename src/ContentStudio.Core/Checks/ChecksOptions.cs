namespace ContentStudio.Core.Checks;

/// <summary>Section "Checks".</summary>
public sealed class ChecksOptions
{
    public const string Section = "Checks";

    /// <summary>Run the LLM-judge checks (voice match, subtle bias) when a real model provider is configured. Each
    /// judge is one more model call per variant; turned off, the judges report "not run".</summary>
    public bool JudgesEnabled { get; set; } = true;
}
