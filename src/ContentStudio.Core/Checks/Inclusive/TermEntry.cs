using ContentStudio.Core.Checks.Analysis;

namespace ContentStudio.Core.Checks.Inclusive;

/// <summary>One term of a terms file, with the contexts in which it is not a problem. Word sets are
/// compared ignoring case.</summary>
public sealed class TermEntry
{
    public required string RuleId { get; init; }
    public required string Category { get; init; }
    public required string Term { get; init; }
    public Severity Severity { get; init; } = Severity.Warning;
    public IReadOnlyList<string> Suggestions { get; init; } = [];
    public required string Why { get; init; }
    /// <summary>Not a problem when the word before the match is one of these ("certified kosher").</summary>
    public HashSet<string> UnlessPrev { get; init; } = [];
    /// <summary>Not a problem when the word after the match is one of these ("window blinds", "OCD treatment").</summary>
    public HashSet<string> UnlessNext { get; init; } = [];
    /// <summary>Only a problem after one of these words ("so OCD", "totally bipolar"): the clinical sense is fine.</summary>
    public HashSet<string> OnlyPrev { get; init; } = [];
    /// <summary>Only a problem before one of these words ("illegal aliens" but not "alien invasion").</summary>
    public HashSet<string> OnlyNext { get; init; } = [];
    /// <summary>Lower-case phrases that, when they contain the match, make it fine ("master's degree").</summary>
    public IReadOnlyList<string> Exceptions { get; init; } = [];
    /// <summary>When false, a capitalised match inside a capitalised name is still flagged.</summary>
    public bool AllowProperNames { get; init; } = true;

    public string? Suggestion => Suggestions.Count == 0 ? null : string.Join(" / ", Suggestions);
}

/// <summary>The raw YAML shape of a terms file (snake_case keys).</summary>
internal sealed class TermsFileDto
{
    public string Category { get; set; } = "";
    public List<TermDto> Terms { get; set; } = [];
}

internal sealed class TermDto
{
    public string Term { get; set; } = "";
    public string? Id { get; set; }
    public string Pos { get; set; } = "noun";
    public List<string> Forms { get; set; } = [];
    public bool Closed { get; set; }
    public string Severity { get; set; } = "warning";
    public List<string> Suggest { get; set; } = [];
    public string Why { get; set; } = "";
    public List<string> UnlessPrev { get; set; } = [];
    public List<string> UnlessNext { get; set; } = [];
    public List<string> OnlyPrev { get; set; } = [];
    public List<string> OnlyNext { get; set; } = [];
    public List<string> Exceptions { get; set; } = [];
    public bool ProperNames { get; set; } = true;

    public IEnumerable<WordClass> Classes() => Pos.Split('+', StringSplitOptions.TrimEntries).Select(p => p switch
    {
        "noun" => WordClass.Noun,
        "verb" => WordClass.Verb,
        "adj" or "adjective" => WordClass.Adjective,
        "fixed" or "phrase" => WordClass.Fixed,
        _ => throw new FormatException($"unknown pos '{p}' (use noun, verb, adj, fixed or a '+' list)"),
    });
}
