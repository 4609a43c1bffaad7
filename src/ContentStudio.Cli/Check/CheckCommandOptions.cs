using ContentStudio.Core.Checks;
namespace ContentStudio.Cli.Check;

/// <summary>What `studio check` was asked to do (already split from the command line by the CLI verb).</summary>
public sealed record CheckCommandOptions
{
    /// <summary>Brand slug; null runs only the brand-independent checks.</summary>
    public string? Brand { get; init; }
    /// <summary>Channel key ("email", "sms", ...) applied to items that don't name their own.</summary>
    public string? Channel { get; init; }
    /// <summary>text, json, sarif, or jsonl (batch: one item per input line).</summary>
    public string Format { get; init; } = "text";
    /// <summary>warning or blocker: the lowest severity that makes the exit code 1.</summary>
    public string FailOn { get; init; } = "blocker";
    /// <summary>Name of the input for messages and SARIF locations ("-" for standard input).</summary>
    public string SourceName { get; init; } = "-";
}

/// <summary>Exit codes of `studio check`.</summary>
public static class CheckExitCodes
{
    public const int Ok = 0;
    public const int Findings = 1;
    public const int UsageOrInput = 2;
}
