using System.Text.RegularExpressions;

namespace ContentStudio.Core.Brands;

/// <summary>Formats shared by guides and segment files.</summary>
internal static partial class NamingRules
{
    /// <summary>Lower-case words joined by single hyphens, e.g. "harbor-bank", "young-professionals".</summary>
    public static bool IsKebabCase(string value) => KebabCase().IsMatch(value);

    /// <summary>A BCP 47 style tag as used in guides and CDP exports: "en", "en-US", "fr-CA", "es-419".</summary>
    public static bool IsLocale(string value) => Locale().IsMatch(value);

    /// <summary>A rule id or rule family as reports show it: "brand.competitor", "brand.voice.all-caps", "claims".</summary>
    public static bool IsRuleId(string value) => RuleId().IsMatch(value);

    [GeneratedRegex("^[a-z]+(\\.[a-z0-9]+(-[a-z0-9]+)*)*$")]
    private static partial Regex RuleId();

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KebabCase();

    [GeneratedRegex("^[a-z]{2,3}(-([A-Z]{2}|[0-9]{3}))?$")]
    private static partial Regex Locale();
}
