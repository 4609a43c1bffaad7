using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Core.Brands;

/// <summary>A text value with the file line it came from, so later cross-field checks can point at it.</summary>
internal readonly record struct Located(string Value, int Line);

/// <summary>Typed reads of YAML nodes that report wrong types against the line in the guide file
/// (YamlDotNet counts lines from the start of the front matter, hence the offset).</summary>
internal sealed class YamlFieldReader(string file, int lineOffset, List<SourceError> errors)
{
    public int Line(YamlNode node) => (int)node.Start.Line + lineOffset;

    public void Error(YamlNode node, string message) => errors.Add(new SourceError(file, Line(node), message));

    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain } s && s.Value is null or "" or "~" or "null" or "Null" or "NULL";

    /// <summary>The entries of a mapping whose keys are allowed; unknown and repeated keys become errors.</summary>
    public List<(string Key, YamlNode KeyNode, YamlNode Value)> Entries(YamlMappingNode map, string where, IReadOnlyList<string> allowed)
    {
        var result = new List<(string, YamlNode, YamlNode)>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in map.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { Length: > 0 } raw })
            {
                Error(keyNode, $"{where}: every key must be a plain name.");
                continue;
            }
            var key = raw.Trim();
            if (!allowed.Contains(key))
            {
                Error(keyNode, $"Unknown key '{key}' in {where}.{NameSuggester.DidYouMean(key, allowed)} Allowed keys: {string.Join(", ", allowed)}.");
                continue;
            }
            if (!seen.TryAdd(key, Line(keyNode)))
            {
                Error(keyNode, $"Key '{key}' appears twice in {where} (first on line {seen[key]}).");
                continue;
            }
            result.Add((key, keyNode, value));
        }
        return result;
    }

    public string? Text(YamlNode node, string name)
    {
        if (node is YamlScalarNode scalar) return IsNull(node) ? null : scalar.Value!.Trim();
        Error(node, $"'{name}' must be text, not {Describe(node)}.");
        return null;
    }

    public bool? Bool(YamlNode node, string name)
    {
        if (node is YamlScalarNode { Style: ScalarStyle.Plain } s && bool.TryParse(s.Value, out var value)) return value;
        Error(node, $"'{name}' must be true or false, not {Describe(node)}.");
        return null;
    }

    public int? Int(YamlNode node, string name)
    {
        if (node is YamlScalarNode { Style: ScalarStyle.Plain } s &&
            int.TryParse(s.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)) return value;
        Error(node, $"'{name}' must be a whole number, not {Describe(node)}.");
        return null;
    }

    public double? Number(YamlNode node, string name)
    {
        if (node is YamlScalarNode { Style: ScalarStyle.Plain } s &&
            double.TryParse(s.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)) return value;
        Error(node, $"'{name}' must be a number, not {Describe(node)}.");
        return null;
    }

    public YamlMappingNode? Mapping(YamlNode node, string name)
    {
        if (node is YamlMappingNode map) return map;
        if (IsNull(node)) return null;
        Error(node, $"'{name}' must be a mapping of 'key: value' lines, not {Describe(node)}.");
        return null;
    }

    public IReadOnlyList<YamlNode> Items(YamlNode node, string name)
    {
        if (node is YamlSequenceNode seq) return seq.Children.ToList();
        if (IsNull(node)) return [];
        Error(node, $"'{name}' must be a list (lines starting with '- ' or [a, b]), not {Describe(node)}.");
        return [];
    }

    /// <summary>A list of non-empty texts; each item keeps its line.</summary>
    public List<Located> TextList(YamlNode node, string name)
    {
        var result = new List<Located>();
        foreach (var item in Items(node, name))
        {
            if (item is YamlScalarNode && !IsNull(item) && Text(item, name) is { Length: > 0 } text)
                result.Add(new Located(text, Line(item)));
            else if (item is YamlScalarNode)
                Error(item, $"'{name}' has an empty item.");
            else
                Error(item, $"Every item of '{name}' must be text, not {Describe(item)}.");
        }
        return result;
    }

    public static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        YamlScalarNode s when IsNull(s) => "an empty value",
        YamlScalarNode s => $"'{s.Value}'",
        _ => "an alias",
    };
}
