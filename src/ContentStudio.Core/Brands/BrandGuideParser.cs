using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Tokens;
using YamlDotNet.RepresentationModel;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Core.Brands;

/// <summary>Parses brand-guides/&lt;slug&gt;.md: YAML front matter between '---' lines (machine rules) and a
/// Markdown body (prose sections). Every error names the file and the line in the file.</summary>
public static class BrandGuideParser
{
    /// <summary>The largest guide read (characters). A hard safety bound, not a setting: real guides are a few pages,
    /// and the guide's prose goes into every generation prompt for the brand.</summary>
    public const int MaxFileLength = 256 * 1024;

    public static BrandParseResult Parse(string filePath, string text)
    {
        ArgumentNullException.ThrowIfNull(filePath);
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > MaxFileLength)
            return Fail(new SourceError(filePath, 0, string.Create(CultureInfo.InvariantCulture,
                $"The guide is {text.Length:N0} characters; the limit is {MaxFileLength:N0}. Keep it to the rules and a few pages of prose.")));
        var errors = new List<SourceError>();
        var lines = text.TrimStart('\uFEFF').Split('\n').Select(l => l.TrimEnd('\r')).ToArray();

        if (string.IsNullOrWhiteSpace(text.TrimStart('\uFEFF')))
            return Fail(new SourceError(filePath, 0, "The file is empty; a guide starts with '---', its front matter (at least 'name:') and '---'."));

        var open = Array.FindIndex(lines, l => l.Trim().Length > 0);
        if (lines[open].Trim() != "---")
            return Fail(new SourceError(filePath, open + 1, "Missing front matter: a guide starts with a '---' line, then YAML rules such as 'name: ...', then '---'."));
        var close = Array.FindIndex(lines, open + 1, l => l.Trim() is "---" or "...");
        if (close < 0)
            return Fail(new SourceError(filePath, open + 1, "The front matter opened here is never closed by a '---' line."));

        var yaml = string.Join("\n", lines[(open + 1)..close]);
        var y = new YamlFieldReader(filePath, lineOffset: open + 1, errors);
        var root = LoadYaml(yaml, filePath, open + 1, errors);
        if (root is null && errors.Count > 0) return Fail(errors);

        BrandRules rules = new();
        if (root is YamlMappingNode map) rules = new BrandFrontMatterReader(y).Read(map);
        else if (root is not null && !YamlFieldReader.IsNull(root))
            y.Error(root, $"The front matter must be 'key: value' lines, not {YamlFieldReader.Describe(root)}.");
        if (string.IsNullOrEmpty(rules.Name))
            errors.Add(new SourceError(filePath, open + 1, "The front matter has no 'name' (the brand's display name)."));
        if (rules.Slug is null && !NamingRules.IsKebabCase(SlugFromPath(filePath)))
            errors.Add(new SourceError(filePath, open + 1, $"The file name '{Path.GetFileName(filePath)}' is not a valid slug; rename it to kebab-case (e.g. 'acme-coffee.md') or set 'slug:'."));
        CheckTermConflicts(rules, filePath, errors);
        CheckMisspellings(rules, filePath, errors);

        var body = BrandGuideBody.Parse(string.Join("\n", lines[(close + 1)..]), filePath, firstLine: close + 2, errors);
        if (errors.Count > 0) return Fail(errors);

        var defaults = new Brand { Slug = "-", Name = "-" };
        var brand = new Brand
        {
            Slug = rules.Slug ?? SlugFromPath(filePath),
            Name = rules.Name!,
            Locale = rules.Locale ?? defaults.Locale,
            Industry = rules.Industry ?? "",
            Regulated = rules.Regulated ?? false,
            VoiceAttributes = Values(rules.Voice),
            PreferredTerms = Values(rules.Preferred),
            DeprecatedTerms = rules.Deprecated.Select(d => d.Rule).ToList(),
            BannedTerms = rules.Banned.Select(b => b.Rule).ToList(),
            ProductNames = Values(rules.Products),
            Competitors = Values(rules.Competitors),
            CommonWordCompetitors = rules.CommonWordCompetitors,
            ProductMisspellings = rules.Misspellings.Select(m => m.Rule).ToList(),
            PiiAllowlist = Values(rules.PiiAllowlist),
            RuleSeverities = rules.Severities,
            Claims = rules.Claims,
            ClaimTriggers = Values(rules.ClaimTriggers),
            Disclaimers = rules.Disclaimers,
            SmsOptOut = rules.SmsOptOut ?? defaults.SmsOptOut,
            ReadingLevel = rules.ReadingLevel ?? defaults.ReadingLevel,
            Style = rules.Style ?? defaults.Style,
            Sections = body.Sections,
            Examples = body.Examples,
            SourcePath = filePath,
            ContentHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))),
        };
        return new BrandParseResult(brand, []);
    }

    /// <summary>The slug a guide gets when its front matter names none: its file name, lower-cased.</summary>
    public static string SlugFromPath(string filePath) => Path.GetFileNameWithoutExtension(filePath).Trim().ToLowerInvariant();

    static YamlNode? LoadYaml(string yaml, string file, int lineOffset, List<SourceError> errors)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            return stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
        }
        catch (YamlException ex)
        {
            // YamlDotNet's messages start with "(Line: 3, Col: 1, ...): "; the position is given in file terms instead.
            var message = ex.InnerException?.Message ?? ex.Message;
            var paren = message.StartsWith("(Line:", StringComparison.Ordinal) ? message.IndexOf("): ", StringComparison.Ordinal) : -1;
            if (paren >= 0) message = message[(paren + 3)..];
            if (message.StartsWith("Duplicate key ", StringComparison.Ordinal)) message = $"key '{message[14..]}' appears twice.";
            errors.Add(new SourceError(file, (int)ex.Start.Line + lineOffset, $"YAML syntax error: {message}"));
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet 16 fails this way (no position) on an unclosed '[' or '{'; find the opener ourselves.
            errors.Add(new SourceError(file, UnclosedFlowLine(yaml) + lineOffset, "YAML syntax error: a '[' or '{' opened on this line is never closed."));
            return null;
        }
    }

    static int UnclosedFlowLine(string yaml)
    {
        var open = new Stack<int>();
        var scanner = new Scanner(new StringReader(yaml));
        try
        {
            while (scanner.MoveNext())
            {
                switch (scanner.Current)
                {
                    case FlowSequenceStart or FlowMappingStart: open.Push((int)scanner.Current.Start.Line); break;
                    case FlowSequenceEnd or FlowMappingEnd when open.Count > 0: open.Pop(); break;
                }
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or YamlException) { }
        return open.Count > 0 ? open.Peek() : (int)scanner.CurrentPosition.Line;
    }

    /// <summary>A term the guide both recommends and forbids leaves the checks no right answer.</summary>
    static void CheckTermConflicts(BrandRules rules, string file, List<SourceError> errors)
    {
        var preferred = rules.Preferred.ToLookup(p => p.Value, StringComparer.OrdinalIgnoreCase);
        foreach (var (rule, line) in rules.Banned.Where(b => preferred.Contains(b.Rule.Term)))
            errors.Add(new SourceError(file, line, $"'{rule.Term}' is both a preferred term (line {preferred[rule.Term].First().Line}) and a banned term."));
        foreach (var (rule, line) in rules.Deprecated.Where(d => preferred.Contains(d.Rule.Term)))
            errors.Add(new SourceError(file, line, $"'{rule.Term}' is both a preferred term (line {preferred[rule.Term].First().Line}) and a deprecated term."));
    }

    /// <summary>A misspelling must name a listed product, and must not be the product's own spelling.</summary>
    static void CheckMisspellings(BrandRules rules, string file, List<SourceError> errors)
    {
        var products = rules.Products.Select(p => p.Value).ToHashSet(StringComparer.Ordinal);
        foreach (var (rule, line) in rules.Misspellings)
        {
            if (!products.Contains(rule.Product))
                errors.Add(new SourceError(file, line, $"The misspelling '{rule.Misspelling}' is for '{rule.Product}', which is not one of 'product_names' ({string.Join(", ", products)}).{NameSuggester.DidYouMean(rule.Product, [.. products])}"));
            else if (string.Equals(rule.Misspelling, rule.Product, StringComparison.Ordinal))
                errors.Add(new SourceError(file, line, $"'{rule.Misspelling}' is listed as a misspelling of itself; remove the item."));
        }
    }

    static List<string> Values(List<Located> items) => items.Select(i => i.Value).ToList();

    // In file order, so an editor can work down the file.
    static BrandParseResult Fail(params IEnumerable<SourceError> errors) => new(null, errors.OrderBy(e => e.Line).ToList());
}
