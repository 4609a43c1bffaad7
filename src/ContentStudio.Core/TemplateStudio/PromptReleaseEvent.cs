using ContentStudio.Core.Prompts;
namespace ContentStudio.Core.TemplateStudio;

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
