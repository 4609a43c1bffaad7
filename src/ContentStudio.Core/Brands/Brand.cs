using System.Collections.Frozen;
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
    /// <summary>Competitors whose name is also an everyday word ("Apple", "Square", "Chime"): flagged only where the copy uses
    /// the word as a name (capitalised inside a sentence, possessive, or before another capitalised word), not as the word.</summary>
    public IReadOnlySet<string> CommonWordCompetitors { get; init; } = FrozenSet<string>.Empty;
    /// <summary>Known misspellings of the brand's product names ("Acme Pey" → "AcmePay"), always flagged.</summary>
    public IReadOnlyList<ProductMisspelling> ProductMisspellings { get; init; } = [];
    /// <summary>The brand's own published contact points (support e-mail addresses, phone numbers, domains): not personal data.</summary>
    public IReadOnlyList<string> PiiAllowlist { get; init; } = [];
    /// <summary>Severity the brand sets per rule id or rule family ("brand.competitor": blocker, "brand.voice": info); the
    /// longest matching key wins. A blocker is required (it blocks approval); a warning or info is advisory.</summary>
    public IReadOnlyDictionary<string, Checks.Severity> RuleSeverities { get; init; } = new Dictionary<string, Checks.Severity>();
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

/// <summary>A known wrong spelling of a product name, and the product it means.</summary>
public sealed record ProductMisspelling(string Misspelling, string Product);

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
    /// <summary>Channels (by key: "social", "sms", ...) where emoji are allowed although <see cref="EmojiAllowed"/> is false.</summary>
    public IReadOnlySet<string> EmojiChannels { get; init; } = FrozenSet<string>.Empty;
    /// <summary>Whole words in capitals (acronyms of ≤ 4 letters excepted).</summary>
    public bool AllCapsAllowed { get; init; }
    /// <summary>Words in capitals that are not shouting for this brand (acronyms, sizes, regulatory words, codes: "FDIC", "XL",
    /// "APY", "SKU-20"); compared whole, ignoring nothing.</summary>
    public IReadOnlySet<string> AllCapsAllowlist { get; init; } = FrozenSet<string>.Empty;
    /// <summary>The shortest word in capitals that counts as shouting (default 5: acronyms of up to 4 letters pass). A brand
    /// that lists its acronyms in <see cref="AllCapsAllowlist"/> can set 2 and catch "NOW" and "WOW".</summary>
    public int AllCapsMinLength { get; init; } = 5;
    public IReadOnlyList<string> HypeWords { get; init; } = [];
}
