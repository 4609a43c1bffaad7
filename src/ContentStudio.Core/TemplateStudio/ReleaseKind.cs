using ContentStudio.Core.Prompts;
namespace ContentStudio.Core.TemplateStudio;

/// <summary>How a version came to be released: the audit trail behind <see cref="PromptTemplateRelease"/>.</summary>
public enum ReleaseKind { Seed, Release, Override, Rollback }
