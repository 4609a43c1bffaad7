using ContentStudio.Core.Prompts;
namespace ContentStudio.Core.TemplateStudio;

/// <summary>One run of a template's evaluation set against a candidate version and the version released at the
/// time (the baseline), both run now with the same model so the comparison is fair.</summary>
public sealed class PromptEvaluation
{
    public Guid Id { get; set; }
    public string TemplateName { get; set; } = "";
    public Guid VersionId { get; set; }
    public Guid? BaselineVersionId { get; set; }
    public DateTime StartedUtc { get; set; }
    public DateTime? FinishedUtc { get; set; }
    public EvaluationStatus Status { get; set; }
    /// <summary><see cref="EvaluationResult"/> as JSON: candidate and baseline metrics.</summary>
    public string MetricsJson { get; set; } = "";
    /// <summary>Per case and variant: gate, score, fields or problem (JSON).</summary>
    public string CasesJson { get; set; } = "";
    public string? Error { get; set; }
}
