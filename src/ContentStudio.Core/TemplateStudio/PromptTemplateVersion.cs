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
