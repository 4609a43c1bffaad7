namespace ContentStudio.Core.Checks.Judges;

/// <summary>The LLM-judge checks (rubrics under prompts/judges/) as an ordinary check in the pipeline: with a live
/// judge runner (a real model is configured and judges are enabled) it asks the model and adds the judges' findings;
/// otherwise each judge is reported "not run", never "pass". Generation, re-checks after an edit, template evaluation
/// and `studio check` all get it from the one pipeline factory.</summary>
public sealed class LlmJudgeCheck(LlmJudgeRunner? runner) : ICheck
{
    public static readonly IReadOnlyList<string> JudgeRules = ["judge.voice-match", "judge.subtle-bias"];
    public const string NotRunMessage = "not run: LLM judges need a real model provider, and the offline composer is configured";

    public IReadOnlyList<string> RuleIds => JudgeRules;
    public IReadOnlyList<string> Categories { get; } = runner is { IsLive: true } ? [CheckCategories.Judge] : [];

    public async ValueTask RunAsync(CheckContext context, CancellationToken cancellationToken)
    {
        if (runner is not { IsLive: true })
        {
            foreach (var rule in JudgeRules) context.NotRun(rule, NotRunMessage);
            return;
        }
        var outcome = await runner.RunAsync(context.Content, context.Brand, context.Content.Segment, cancellationToken);
        foreach (var finding in outcome.Findings) context.Add(finding);
        foreach (var note in outcome.NotRun) context.NotRun(note.RuleId, note.Message);
    }
}
