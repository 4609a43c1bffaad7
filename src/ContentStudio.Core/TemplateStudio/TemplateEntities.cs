using ContentStudio.Core.Prompts;
namespace ContentStudio.Core.TemplateStudio;

/// <summary>One stored version of a prompt template: the exact file text (so export gives the same bytes back),
/// its content-hash label and a per-template number (1, 2, 3...) people can say out loud.</summary>
public sealed class PromptTemplateVersion
{
    public Guid Id { get; set; }
    public string TemplateName { get; set; } = "";
    /// <summary>The content-hash label: the first 12 hex digits of SHA-256 over the UTF-8 file text, the same
    /// label <see cref="PromptTemplate.Version"/> gives and every variant records.</summary>
    public string Version { get; set; } = "";
    public int Number { get; set; }
    public string FileText { get; set; } = "";
    public DateTime CreatedUtc { get; set; }
    public string CreatedBy { get; set; } = "";
    public string Note { get; set; } = "";
}

/// <summary>Which version of a template generation uses now (one row per template).</summary>
public sealed class PromptTemplateRelease
{
    public string TemplateName { get; set; } = "";
    public Guid VersionId { get; set; }
    public DateTime ReleasedUtc { get; set; }
    public string ReleasedBy { get; set; } = "";
    /// <summary>Set when the gate was overridden (or a reason was given anyway).</summary>
    public string? Justification { get; set; }
    /// <summary>The evaluation that let the version through; null for seeds, rollbacks and overrides without one.</summary>
    public Guid? EvaluationId { get; set; }
}

/// <summary>How a version came to be released: the audit trail behind <see cref="PromptTemplateRelease"/>.</summary>
public enum ReleaseKind { Seed, Release, Override, Rollback }

/// <summary>One entry of a template's release history (releases, overrides, rollbacks, the seed).</summary>
public sealed class PromptReleaseEvent
{
    public Guid Id { get; set; }
    public string TemplateName { get; set; } = "";
    public Guid VersionId { get; set; }
    public ReleaseKind Kind { get; set; }
    public DateTime Utc { get; set; }
    public string User { get; set; } = "";
    public string? Justification { get; set; }
    public Guid? EvaluationId { get; set; }
}

public enum EvaluationStatus { Running, Finished, Failed }

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
