using ContentStudio.Core.Channels;

namespace ContentStudio.Core.Brands;

/// <summary>A brand as parsed from brand-guides/&lt;slug&gt;.md: machine rules from the YAML front matter,
/// the prose voice guide from the Markdown body.</summary>
public sealed class Brand
{
    public required string Slug { get; init; }
    public required string Name { get; init; }
    public string Locale { get; init; } = "en-US";
    public string Industry { get; init; } = "";
    /// <summary>True for brands in regulated industries (finance, health): claims need evidence.</summary>
    public bool Regulated { get; init; }
    public IReadOnlyList<string> VoiceAttributes { get; init; } = [];
    /// <summary>Words the brand likes to use (its vocabulary).</summary>
    public IReadOnlyList<string> PreferredTerms { get; init; } = [];
    /// <summary>Terms to replace, with the replacement.</summary>
    public IReadOnlyList<TermRule> DeprecatedTerms { get; init; } = [];
    /// <summary>Terms that must never appear.</summary>
    public IReadOnlyList<TermRule> BannedTerms { get; init; } = [];
    /// <summary>Product names in their exact spelling and capitalisation.</summary>
    public IReadOnlyList<string> ProductNames { get; init; } = [];
    public IReadOnlyList<string> Competitors { get; init; } = [];
    public IReadOnlyList<ApprovedClaim> Claims { get; init; } = [];
    /// <summary>Words and phrases that make a sentence a claim for this brand ("award-winning", "dermatologist-tested"),
    /// besides the built-in ones.</summary>
    public IReadOnlyList<string> ClaimTriggers { get; init; } = [];
    /// <summary>Disclaimers required per channel (a channel missing here needs none).</summary>
    public IReadOnlyDictionary<ChannelKind, string> Disclaimers { get; init; } = new Dictionary<ChannelKind, string>();
    /// <summary>The SMS opt-out text, e.g. "Reply STOP to opt out".</summary>
    public string SmsOptOut { get; init; } = "Reply STOP to opt out.";
    public ReadingLevel ReadingLevel { get; init; } = new(6, 10);
    public StylePolicy Style { get; init; } = new();
    /// <summary>Body sections by heading ("Voice", "Do", "Don't", "Examples", ...), as plain text.</summary>
    public IReadOnlyDictionary<string, string> Sections { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
    /// <summary>Example copy lines from the "Examples" section.</summary>
    public IReadOnlyList<string> Examples { get; init; } = [];
    public string SourcePath { get; init; } = "";
    /// <summary>SHA-256 of the guide file, so a run records which guide it used.</summary>
    public string ContentHash { get; init; } = "";

    public string Section(string heading) => Sections.TryGetValue(heading, out var text) ? text : "";
}

public sealed record TermRule(string Term, string? Replacement = null, string? Reason = null);

/// <summary>A claim the brand holds evidence for. <see cref="Products"/> scopes it to named products (empty: any product;
/// a product named in the text scopes it too).</summary>
public sealed record ApprovedClaim(string Text, string Evidence)
{
    public IReadOnlyList<string> Products { get; init; } = [];
}

/// <summary>Flesch-Kincaid grade range the copy should land in.</summary>
public sealed record ReadingLevel(double MinGrade, double MaxGrade);

public sealed record StylePolicy
{
    /// <summary>Most exclamation marks allowed in one piece of copy (0 = none).</summary>
    public int MaxExclamations { get; init; } = 1;
    public bool EmojiAllowed { get; init; }
    /// <summary>Whole words in capitals (acronyms of ≤ 4 letters excepted).</summary>
    public bool AllCapsAllowed { get; init; }
    public IReadOnlyList<string> HypeWords { get; init; } = [];
}
