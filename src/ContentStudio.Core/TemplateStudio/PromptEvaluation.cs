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
    /// <summary>Candidate and baseline metrics; null while the evaluation runs.</summary>
    public EvaluationResult? Metrics { get => Read<EvaluationResult>(MetricsJson); set => MetricsJson = Write(value); }
    /// <summary>Per case and variant: gate, score, fields or problem; null while the evaluation runs.</summary>
    public EvaluationCases? Cases { get => Read<EvaluationCases>(CasesJson); set => CasesJson = Write(value); }

    // The stored columns (NOT NULL text, "" while the evaluation runs). Typed access goes through the properties above,
    // in the studio's one JSON shape; a value converter would need EF's internal null-converting API for the "".
    internal string MetricsJson { get; set; } = "";
    internal string CasesJson { get; set; } = "";

    private static T? Read<T>(string json) where T : class =>
        string.IsNullOrEmpty(json) ? null : System.Text.Json.JsonSerializer.Deserialize<T>(json, Kernel.StudioJson.Options);

    private static string Write<T>(T? value) where T : class =>
        value is null ? "" : System.Text.Json.JsonSerializer.Serialize(value, Kernel.StudioJson.Options);
    public string? Error { get; set; }
}
