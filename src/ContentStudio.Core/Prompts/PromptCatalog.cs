using ContentStudio.Core.Brands;
using ContentStudio.Core.Channels;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Core.Prompts;

/// <summary>The templates in a folder (<c>*.prompt.md</c>, in file-name order), parsed and validated at load.
/// A file with errors is left out and its errors are kept; warnings are kept too.</summary>
public sealed class PromptCatalog : IPromptCatalog
{
    private sealed record Snapshot(IReadOnlyList<PromptTemplate> Templates, IReadOnlyList<SourceError> Errors);

    private volatile Snapshot _snapshot;

    public PromptCatalog(string folder)
    {
        Folder = folder;
        _snapshot = Load(folder);
    }

    public string Folder { get; }
    public IReadOnlyList<PromptTemplate> Templates => _snapshot.Templates;
    public IReadOnlyList<SourceError> Errors => _snapshot.Errors;

    /// <summary>The template for a channel: the one named after the channel key when there are several,
    /// otherwise the first in file order.</summary>
    public PromptTemplate? ForChannel(ChannelKind channel)
    {
        var candidates = Templates.Where(t => t.Channel == channel).ToList();
        var key = ChannelCatalog.Get(channel).Key;
        return candidates.FirstOrDefault(t => t.Name == key) ?? candidates.FirstOrDefault();
    }

    public PromptTemplate? Find(string name) => Templates.FirstOrDefault(t => t.Name == name);

    /// <summary>Reads the folder again (after a template was edited); readers see the old set until it is done.</summary>
    public void Reload() => _snapshot = Load(Folder);

    private static Snapshot Load(string folder)
    {
        if (!Directory.Exists(folder))
            return new Snapshot([], [new SourceError(folder, 0, "prompts folder not found: set Studio:PromptsPath")]);
        var templates = new List<PromptTemplate>();
        var errors = new List<SourceError>();
        var files = Directory.GetFiles(folder, "*.prompt.md").Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var result = PromptTemplateParser.Parse(file, File.ReadAllText(file));
            errors.AddRange(result.Errors);
            if (result.Template is not { } template) continue;
            if (templates.FirstOrDefault(t => t.Name == template.Name) is { } first)
            {
                errors.Add(new SourceError(file, 1, $"template name '{template.Name}' is already used by {first.SourcePath}"));
                continue;
            }
            templates.Add(template);
        }
        return new Snapshot(templates, errors);
    }
}
