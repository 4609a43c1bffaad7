namespace ContentStudio.Core.Checks.Judges;

/// <summary>Stands in the item pipeline for the LLM-judge checks (rubrics under prompts/judges/). Judging needs a
/// model call, which does not belong in the synchronous per-keystroke pipeline: with the offline composer the
/// judges are reported "not run" (never "pass"); with a real provider they run asynchronously through
/// <see cref="LlmJudgeRunner"/> and their findings are merged into the report afterwards.</summary>
public sealed class LlmJudgeCheck(bool realProvider) : ICheck
{
    public static readonly IReadOnlyList<string> JudgeRules = ["judge.voice-match", "judge.subtle-bias"];

    public IReadOnlyList<string> RuleIds => JudgeRules;
    public IReadOnlyList<string> Categories { get; } = [];

    public void Run(CheckContext context)
    {
        foreach (var rule in JudgeRules)
            context.NotRun(rule, realProvider
                ? "runs asynchronously with the configured model; its findings are added when it finishes"
                : "not run: LLM judges need a real model provider, and the offline composer is configured");
    }
}
