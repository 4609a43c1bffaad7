using ContentStudio.Core.Channels;
using YamlDotNet.RepresentationModel;

namespace ContentStudio.Core.Brands;

/// <summary>The machine rules of a guide as read from its front matter, before the body is added.</summary>
internal sealed class BrandRules
{
    public string? Name;
    public string? Slug;
    public string? Locale;
    public string? Industry;
    public bool? Regulated;
    public List<Located> Voice = [];
    public List<Located> Preferred = [];
    public List<(TermRule Rule, int Line)> Deprecated = [];
    public List<(TermRule Rule, int Line)> Banned = [];
    public List<Located> Products = [];
    public List<Located> Competitors = [];
    public HashSet<string> CommonWordCompetitors = new(StringComparer.OrdinalIgnoreCase);
    public List<(ProductMisspelling Rule, int Line)> Misspellings = [];
    public List<Located> PiiAllowlist = [];
    public Dictionary<string, Checks.Severity> Severities = new(StringComparer.Ordinal);
    public List<ApprovedClaim> Claims = [];
    public List<Located> ClaimTriggers = [];
    public Dictionary<ChannelKind, string> Disclaimers = [];
    public string? SmsOptOut;
    public ReadingLevel? ReadingLevel;
    public StylePolicy? Style;
}

/// <summary>Reads the front matter mapping key by key. The key names are the documented ones in
/// brand-guides/README.md; keep the two in step.</summary>
internal sealed class BrandFrontMatterReader(YamlFieldReader y)
{
    public static readonly string[] TopLevelKeys =
    [
        "name", "slug", "locale", "industry", "regulated", "voice", "preferred_terms", "deprecated_terms",
        "banned_terms", "product_names", "competitors", "claims", "claim_triggers", "disclaimers", "sms_opt_out", "reading_level", "style",
        "product_misspellings", "pii_allowlist", "severity",
    ];
    static readonly string[] CompetitorKeys = ["name", "common_word"];
    static readonly string[] MisspellingKeys = ["misspelling", "product"];
    static readonly string[] TermKeys = ["term", "replacement", "reason"];
    static readonly string[] ClaimKeys = ["text", "evidence", "products"];
    static readonly string[] ReadingLevelKeys = ["min_grade", "max_grade"];
    static readonly string[] StyleKeys = ["max_exclamations", "emoji_allowed", "all_caps_allowed", "all_caps_allowlist", "all_caps_min_length", "hype_words"];

    public BrandRules Read(YamlMappingNode root)
    {
        var rules = new BrandRules();
        foreach (var (key, _, value) in y.Entries(root, "the front matter", TopLevelKeys))
        {
            switch (key)
            {
                case "name": rules.Name = y.Text(value, key); break;
                case "slug": rules.Slug = y.Text(value, key); if (rules.Slug is { } s && !NamingRules.IsKebabCase(s)) y.Error(value, $"'slug' must be kebab-case (e.g. 'harbor-bank'), not '{s}'."); break;
                case "locale": rules.Locale = y.Text(value, key); if (rules.Locale is { } l && !NamingRules.IsLocale(l)) y.Error(value, $"'locale' must look like 'en-US', not '{l}'."); break;
                case "industry": rules.Industry = y.Text(value, key); break;
                case "regulated": rules.Regulated = y.Bool(value, key); break;
                case "voice": rules.Voice = y.TextList(value, key); break;
                case "preferred_terms": rules.Preferred = y.TextList(value, key); break;
                case "deprecated_terms": rules.Deprecated = Terms(value, key, replacementRequired: true); break;
                case "banned_terms": rules.Banned = Terms(value, key, replacementRequired: false); break;
                case "product_names": rules.Products = y.TextList(value, key); break;
                case "competitors": rules.Competitors = Competitors(value, rules.CommonWordCompetitors); break;
                case "product_misspellings": rules.Misspellings = Misspellings(value); break;
                case "pii_allowlist": rules.PiiAllowlist = y.TextList(value, key); break;
                case "severity": rules.Severities = Severities(value); break;
                case "claims": rules.Claims = Claims(value); break;
                case "claim_triggers": rules.ClaimTriggers = y.TextList(value, key); break;
                case "disclaimers": rules.Disclaimers = Disclaimers(value); break;
                case "sms_opt_out": rules.SmsOptOut = y.Text(value, key); break;
                case "reading_level": rules.ReadingLevel = ReadingLevel(value); break;
                case "style": rules.Style = Style(value); break;
            }
        }
        return rules;
    }

    /// <summary>Each item is either a plain term or a mapping {term, replacement, reason}.</summary>
    List<(TermRule, int)> Terms(YamlNode node, string name, bool replacementRequired)
    {
        var result = new List<(TermRule, int)>();
        foreach (var item in y.Items(node, name))
        {
            string? term = null, replacement = null, reason = null;
            if (item is YamlScalarNode)
                term = y.Text(item, name);
            else if (item is YamlMappingNode map)
            {
                foreach (var (key, _, value) in y.Entries(map, $"an item of '{name}'", TermKeys))
                {
                    var text = y.Text(value, $"{name}.{key}");
                    if (key == "term") term = text; else if (key == "replacement") replacement = text; else reason = text;
                }
            }
            else { y.Error(item, $"Every item of '{name}' must be a term or a mapping with 'term', 'replacement', 'reason'."); continue; }

            if (string.IsNullOrEmpty(term)) { y.Error(item, $"An item of '{name}' has no 'term'."); continue; }
            if (replacementRequired && string.IsNullOrEmpty(replacement)) { y.Error(item, $"Deprecated term '{term}' needs a 'replacement'."); continue; }
            result.Add((new TermRule(term, replacement, reason), y.Line(item)));
        }
        return result;
    }

    List<ApprovedClaim> Claims(YamlNode node)
    {
        var result = new List<ApprovedClaim>();
        foreach (var item in y.Items(node, "claims"))
        {
            if (item is not YamlMappingNode map) { y.Error(item, "Every claim must be a mapping with 'text' and 'evidence'."); continue; }
            string? text = null, evidence = null;
            List<string> products = [];
            foreach (var (key, _, value) in y.Entries(map, "a claim", ClaimKeys))
            {
                if (key == "text") text = y.Text(value, "claims.text");
                else if (key == "evidence") evidence = y.Text(value, "claims.evidence");
                else products = [.. y.TextList(value, "claims.products").Select(p => p.Value)];
            }
            if (string.IsNullOrEmpty(text)) { y.Error(item, "A claim has no 'text'."); continue; }
            // An approved claim exists to be backed up: without its evidence it is just a claim.
            if (string.IsNullOrEmpty(evidence)) { y.Error(item, $"Claim '{text}' has no 'evidence'."); continue; }
            result.Add(new ApprovedClaim(text, evidence) { Products = products });
        }
        return result;
    }

    Dictionary<ChannelKind, string> Disclaimers(YamlNode node)
    {
        var result = new Dictionary<ChannelKind, string>();
        if (y.Mapping(node, "disclaimers") is not { } map) return result;
        var channelKeys = ChannelCatalog.All.Select(c => c.Key).ToArray();
        foreach (var (keyNode, value) in map.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value?.Trim() ?? "";
            if (!ChannelCatalog.TryParse(key, out var channel))
            {
                y.Error(keyNode, $"Unknown channel '{key}' in 'disclaimers'.{NameSuggester.DidYouMean(key, channelKeys)} Channels: {string.Join(", ", channelKeys)}.");
                continue;
            }
            if (result.ContainsKey(channel.Kind)) { y.Error(keyNode, $"Channel '{channel.Key}' appears twice in 'disclaimers'."); continue; }
            if (y.Text(value, $"disclaimers.{channel.Key}") is { Length: > 0 } text) result[channel.Kind] = text;
            else if (value is YamlScalarNode) y.Error(value, $"The '{channel.Key}' disclaimer is empty; remove the line if the channel needs none.");
        }
        return result;
    }

    ReadingLevel? ReadingLevel(YamlNode node)
    {
        if (y.Mapping(node, "reading_level") is not { } map) return null;
        double? min = null, max = null;
        foreach (var (key, _, value) in y.Entries(map, "'reading_level'", ReadingLevelKeys))
        {
            var grade = y.Number(value, $"reading_level.{key}");
            if (grade is < 0 or > 20) { y.Error(value, $"'reading_level.{key}' must be a grade between 0 and 20, not {grade}."); grade = null; }
            if (key == "min_grade") min = grade; else max = grade;
        }
        var defaults = new Brand { Slug = "-", Name = "-" }.ReadingLevel;
        var level = new ReadingLevel(min ?? defaults.MinGrade, max ?? defaults.MaxGrade);
        if (level.MinGrade > level.MaxGrade)
        {
            y.Error(map, $"'reading_level.min_grade' ({level.MinGrade}) is above 'max_grade' ({level.MaxGrade}).");
            return null;
        }
        return level;
    }

    StylePolicy? Style(YamlNode node)
    {
        if (y.Mapping(node, "style") is not { } map) return null;
        var style = new StylePolicy();
        foreach (var (key, _, value) in y.Entries(map, "'style'", StyleKeys))
        {
            switch (key)
            {
                case "max_exclamations":
                    var max = y.Int(value, "style.max_exclamations");
                    if (max < 0) y.Error(value, "'style.max_exclamations' cannot be negative.");
                    else if (max is { } m) style = style with { MaxExclamations = m };
                    break;
                case "emoji_allowed": style = EmojiAllowed(value, style); break;
                case "all_caps_allowed": if (y.Bool(value, "style.all_caps_allowed") is { } c) style = style with { AllCapsAllowed = c }; break;
                case "all_caps_allowlist":
                    style = style with { AllCapsAllowlist = new HashSet<string>(y.TextList(value, "style.all_caps_allowlist").Select(w => w.Value), StringComparer.Ordinal) };
                    break;
                case "all_caps_min_length":
                    var min = y.Int(value, "style.all_caps_min_length");
                    if (min is < 2 or > 20) y.Error(value, $"'style.all_caps_min_length' must be between 2 and 20 letters, not {min}.");
                    else if (min is { } n) style = style with { AllCapsMinLength = n };
                    break;
                case "hype_words": style = style with { HypeWords = y.TextList(value, "style.hype_words").Select(h => h.Value).ToList() }; break;
            }
        }
        return style;
    }

    /// <summary>Each competitor is a name, or {name, common_word: true} for a name that is also an everyday word.</summary>
    List<Located> Competitors(YamlNode node, HashSet<string> commonWords)
    {
        var result = new List<Located>();
        foreach (var item in y.Items(node, "competitors"))
        {
            if (item is YamlScalarNode)
            {
                if (y.Text(item, "competitors") is { Length: > 0 } name) result.Add(new Located(name, y.Line(item)));
                else y.Error(item, "'competitors' has an empty item.");
                continue;
            }
            if (item is not YamlMappingNode map) { y.Error(item, "Every competitor must be a name or a mapping with 'name' and 'common_word'."); continue; }
            string? text = null;
            var common = false;
            foreach (var (key, _, value) in y.Entries(map, "a competitor", CompetitorKeys))
            {
                if (key == "name") text = y.Text(value, "competitors.name");
                else common = y.Bool(value, "competitors.common_word") ?? false;
            }
            if (string.IsNullOrEmpty(text)) { y.Error(item, "A competitor has no 'name'."); continue; }
            result.Add(new Located(text, y.Line(item)));
            if (common) commonWords.Add(text);
        }
        return result;
    }

    List<(ProductMisspelling, int)> Misspellings(YamlNode node)
    {
        var result = new List<(ProductMisspelling, int)>();
        foreach (var item in y.Items(node, "product_misspellings"))
        {
            if (item is not YamlMappingNode map) { y.Error(item, "Every item of 'product_misspellings' must be a mapping with 'misspelling' and 'product'."); continue; }
            string? wrong = null, product = null;
            foreach (var (key, _, value) in y.Entries(map, "an item of 'product_misspellings'", MisspellingKeys))
            {
                if (key == "misspelling") wrong = y.Text(value, "product_misspellings.misspelling");
                else product = y.Text(value, "product_misspellings.product");
            }
            if (string.IsNullOrEmpty(wrong)) { y.Error(item, "An item of 'product_misspellings' has no 'misspelling'."); continue; }
            if (string.IsNullOrEmpty(product)) { y.Error(item, $"The misspelling '{wrong}' names no 'product' (one of 'product_names')."); continue; }
            result.Add((new ProductMisspelling(wrong, product), y.Line(item)));
        }
        return result;
    }

    static readonly string[] SeverityValues = ["blocker", "warning", "info"];

    /// <summary>rule id or family → blocker | warning | info.</summary>
    Dictionary<string, Checks.Severity> Severities(YamlNode node)
    {
        var result = new Dictionary<string, Checks.Severity>(StringComparer.Ordinal);
        if (y.Mapping(node, "severity") is not { } map) return result;
        foreach (var (keyNode, value) in map.Children)
        {
            var rule = (keyNode as YamlScalarNode)?.Value?.Trim() ?? "";
            if (!NamingRules.IsRuleId(rule))
            {
                y.Error(keyNode, $"'{rule}' in 'severity' is not a rule id or family; write it as the reports show it, e.g. 'brand.competitor' or 'brand.voice'.");
                continue;
            }
            if (result.ContainsKey(rule)) { y.Error(keyNode, $"Rule '{rule}' appears twice in 'severity'."); continue; }
            var level = y.Text(value, $"severity.{rule}")?.ToLowerInvariant();
            switch (level)
            {
                case "blocker": result[rule] = Checks.Severity.Blocker; break;
                case "warning": result[rule] = Checks.Severity.Warning; break;
                case "info": result[rule] = Checks.Severity.Info; break;
                default:
                    if (level is not null) y.Error(value, $"'severity.{rule}' must be one of {string.Join(", ", SeverityValues)} (blocker = required, the others advisory), not '{level}'.{NameSuggester.DidYouMean(level, SeverityValues)}");
                    break;
            }
        }
        return result;
    }

    /// <summary>true / false, or the list of channels where emoji are allowed.</summary>
    StylePolicy EmojiAllowed(YamlNode node, StylePolicy style)
    {
        if (node is YamlScalarNode) return y.Bool(node, "style.emoji_allowed") is { } e ? style with { EmojiAllowed = e } : style;
        var channels = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var keys = ChannelCatalog.All.Select(c => c.Key).ToArray();
        foreach (var item in y.TextList(node, "style.emoji_allowed"))
        {
            if (ChannelCatalog.TryParse(item.Value, out var channel)) channels.Add(channel.Key);
            else y.Error(node, $"Unknown channel '{item.Value}' in 'style.emoji_allowed' (line {item.Line}).{NameSuggester.DidYouMean(item.Value, keys)} Channels: {string.Join(", ", keys)}.");
        }
        return style with { EmojiAllowed = false, EmojiChannels = channels };
    }
}
