using ContentStudio.Core.Prompts;
namespace ContentStudio.Core.TemplateStudio;

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
