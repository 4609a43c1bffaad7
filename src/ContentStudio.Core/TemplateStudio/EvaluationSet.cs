using System.Text.Json;
using ContentStudio.Core.Brands;
using ContentStudio.Core.Identity;
using ContentStudio.Core.Review;
using ContentStudio.Core.Kernel;
using ContentStudio.Core.Prompts;

namespace ContentStudio.Core.TemplateStudio;

/// <summary>The brief part of an evaluation case (the fields a template renders).</summary>
public sealed record EvaluationBrief
{
    public string Product { get; init; } = "";
    public string Objective { get; init; } = "";
    public IReadOnlyList<string> KeyMessages { get; init; } = [];
    public string Offer { get; init; } = "";
    public string CallToAction { get; init; } = "";
}

/// <summary>One case: a brand, one of its segments and a brief.</summary>
public sealed record EvaluationCase
{
    public string Brand { get; init; } = "";
    public string Segment { get; init; } = "";
    public EvaluationBrief? Brief { get; init; }
}

/// <summary>prompts/evals/&lt;template&gt;.eval.json: the fixed cases every version of a template is evaluated on.</summary>
public sealed record EvaluationSet(string Path, IReadOnlyList<EvaluationCase> Cases)
{
    public const string Suffix = ".eval.json";
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true,
    };

    private sealed record FileShape(IReadOnlyList<EvaluationCase>? Cases);

    public static string PathFor(string promptsFolder, string template) => System.IO.Path.Combine(promptsFolder, "evals", template + Suffix);

    /// <summary>Loads and checks a set; problems come back as <see cref="SourceError"/>s naming the file, the
    /// line where known, and the case number.</summary>
    public static (EvaluationSet? Set, IReadOnlyList<SourceError> Errors) Load(string path)
    {
        if (!File.Exists(path)) return (null, [new SourceError(path, 0, "evaluation set not found: write one with the cases to evaluate this template on (see prompts/README.md)")]);
        return Parse(path, File.ReadAllText(path));
    }

    /// <summary>Checks a set's text (the editor's, before it is saved) the way <see cref="Load"/> checks the file.</summary>
    public static (EvaluationSet? Set, IReadOnlyList<SourceError> Errors) Parse(string path, string text)
    {
        FileShape? shape;
        try { shape = JsonSerializer.Deserialize<FileShape>(text, Options); }
        catch (JsonException e) { return (null, [new SourceError(path, (int)(e.LineNumber ?? -1) + 1, $"invalid JSON: {e.Message}")]); }
        var cases = shape?.Cases ?? [];
        var errors = new List<SourceError>();
        if (cases.Count == 0) errors.Add(new SourceError(path, 0, "'cases' is missing or empty"));
        for (var i = 0; i < cases.Count; i++)
        {
            var c = cases[i];
            void Need(string value, string field) { if (string.IsNullOrWhiteSpace(value)) errors.Add(new SourceError(path, 0, $"case {i + 1}: '{field}' is missing")); }
            Need(c.Brand, "brand");
            Need(c.Segment, "segment");
            if (c.Brief is null) errors.Add(new SourceError(path, 0, $"case {i + 1}: 'brief' is missing"));
            else Need(c.Brief.Product, "brief.product");
        }
        return errors.Count > 0 ? (null, errors) : (new EvaluationSet(path, cases), []);
    }

    /// <summary>Writes a checked set to its file (a temporary file moved into place, so a crash never leaves half a
    /// file); returns the problems instead when the text does not check. Prompt engineers and admins only.</summary>
    public static IReadOnlyList<SourceError> Save(string path, string text, StudioUser user)
    {
        Access.Demand(user, StudioPermission.EditTemplates);
        var (_, errors) = Parse(path, text);
        if (errors.Count > 0) return errors;
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        var temp = path + ".tmp";
        File.WriteAllText(temp, text);
        File.Move(temp, path, overwrite: true);
        return [];
    }
}
