namespace ContentStudio.Core.Checks;

/// <summary>Rule ids as a marketer reads them: "inclusive.race-ethnicity" → "Inclusive language: race and ethnicity",
/// "channel.sms-opt-out" → "Channel rules: SMS opt-out". The id stays available on demand (pages show it in a tooltip);
/// a family nobody named here still reads as words, never as a dotted id.</summary>
public static class RuleNames
{
    private static readonly Dictionary<string, string> Families = new(StringComparer.OrdinalIgnoreCase)
    {
        ["brand"] = "Brand", ["campaign"] = "Across the campaign", ["channel"] = "Channel rules", ["claims"] = "Claims",
        ["inclusive"] = "Inclusive language", ["judge"] = "Model review", ["leakage"] = "Model leftovers", ["pii"] = "Personal data",
        ["check"] = "Checks", ["integrity"] = "Copy integrity", ["fairness"] = "Fairness", ["language"] = "Language",
    };

    private static readonly Dictionary<string, string> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        ["sms"] = "SMS", ["cta"] = "call to action", ["pii"] = "personal data", ["ssn"] = "social security number",
        ["ai"] = "AI", ["race-ethnicity"] = "race and ethnicity", ["all-caps"] = "all capitals", ["sms-opt-out"] = "SMS opt-out",
    };

    public static string Label(string ruleId)
    {
        if (string.IsNullOrWhiteSpace(ruleId)) return "Check";
        var parts = ruleId.Split('.', StringSplitOptions.RemoveEmptyEntries);
        var family = Families.TryGetValue(parts[0], out var f) ? f : Sentence(Phrase(parts[0]));
        if (parts.Length == 1) return family;
        var rest = string.Join(": ", parts.Skip(1).Select(Phrase));
        return $"{family}: {rest}";
    }

    private static string Phrase(string part) =>
        Words.TryGetValue(part, out var whole) ? whole
        : string.Join(' ', part.Split('-', StringSplitOptions.RemoveEmptyEntries).Select(w => Words.GetValueOrDefault(w, w)));

    private static string Sentence(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
