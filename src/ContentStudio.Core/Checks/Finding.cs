namespace ContentStudio.Core.Checks;

/// <summary>How much a finding matters: info is advice, a warning sends the item to a person,
/// a blocker stops it until someone overrides it with a justification.</summary>
public enum Severity { Info, Warning, Blocker }

/// <summary>One problem a check found. <see cref="Start"/> and <see cref="Length"/> are UTF-16 code units
/// into the text of <see cref="Field"/> (what .NET strings and browsers index by), and <see cref="Text"/> is
/// exactly that span. A finding about a whole field or item (readability, a missing disclaimer) has length 0.</summary>
public sealed record Finding(
    string RuleId,
    string Category,
    Severity Severity,
    string Field,
    int Start,
    int Length,
    string Text,
    string Message,
    string? Suggestion = null);

/// <summary>A check that did not run and why (an LLM judge with the offline composer). Reported beside the
/// findings so "not run" is never mistaken for "pass".</summary>
public sealed record CheckNote(string RuleId, string Message);

/// <summary>The category names findings are scored by.</summary>
public static class CheckCategories
{
    public const string Gender = "inclusive.gender";
    public const string Age = "inclusive.age";
    public const string Disability = "inclusive.disability";
    public const string RaceEthnicity = "inclusive.race-ethnicity";
    public const string SexualOrientation = "inclusive.sexual-orientation";
    public const string Religion = "inclusive.religion";
    public const string Socioeconomic = "inclusive.socioeconomic";
    public const string BrandTerms = "brand.terms";
    public const string ProductNames = "brand.product-names";
    public const string Competitors = "brand.competitors";
    public const string Voice = "brand.voice";
    public const string Readability = "brand.readability";
    public const string Claims = "claims";
    public const string Integrity = "integrity";
    public const string Channel = "channel";
    public const string Pii = "pii";
    public const string Leakage = "leakage";
    public const string Judge = "judge";
    public const string Fairness = "campaign.fairness";
    public const string Consistency = "campaign.consistency";
    public const string Duplicates = "campaign.duplicates";
    public const string CheckError = "check-error";
    /// <summary>What the model provider's own safety system flagged (Azure OpenAI's content filter).</summary>
    public const string ProviderSafety = "provider.content-filter";

    public static IReadOnlyList<string> Inclusive { get; } =
        [Gender, Age, Disability, RaceEthnicity, SexualOrientation, Religion, Socioeconomic];
}
