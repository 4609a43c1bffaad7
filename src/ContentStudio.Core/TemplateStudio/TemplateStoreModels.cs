using ContentStudio.Core.Brands;
using ContentStudio.Core.Channels;
using DiffPlex.DiffBuilder.Model;
using ContentStudio.Core.Kernel;
using ContentStudio.Core.Prompts;

namespace ContentStudio.Core.TemplateStudio;

/// <summary>A template with its released and latest versions, for lists.</summary>
public sealed record TemplateSummary(string Name, ChannelKind? Channel, string Description,
    PromptTemplateVersion? Released, PromptTemplateVersion Latest, int VersionCount);

/// <summary>Every version of a template (newest first), which one is released and how releases happened.</summary>
public sealed record TemplateHistory(string Name, Guid? ReleasedVersionId,
    IReadOnlyList<PromptTemplateVersion> Versions, IReadOnlyList<PromptReleaseEvent> Releases);

/// <summary>The outcome of saving a version: the version (new, or the existing one with the same text) or the
/// problems that stopped it, by file and line.</summary>
public sealed record SaveVersionResult(PromptTemplateVersion? Version, IReadOnlyList<SourceError> Errors, bool Created)
{
    public bool Succeeded => Version is not null;
}

/// <summary>A file of an import and what became of it.</summary>
public sealed record ImportedFile(string Path, SaveVersionResult Result);

/// <summary>Side-by-side line diff of two versions' file text (DiffPlex's model: OldText and NewText panes,
/// aligned line by line, each line Unchanged, Deleted, Inserted, Modified or Imaginary).</summary>
public sealed record TemplateDiff(PromptTemplateVersion Old, PromptTemplateVersion New, SideBySideDiffModel Model);
