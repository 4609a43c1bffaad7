using System.Text.Json;
using System.Text.RegularExpressions;
using ContentStudio.Core.Channels;

namespace ContentStudio.Core.Generation;

/// <summary>What came out of a model reply: the channel's fields, what is wrong, and whether the JSON had to be
/// repaired. Over-limit values are not errors here: the channel-limit check reports them with their spans.</summary>
public sealed record VariantParseResult(
    IReadOnlyDictionary<string, string> Fields,
    IReadOnlyList<string> Errors,
    IReadOnlyList<string> Warnings,
    bool WasRepaired)
{
    public bool IsValid => Errors.Count == 0;
}

/// <summary>Reads a variant's fields from a model reply: strips code fences and prose around the JSON object,
/// repairs common breakage (see <see cref="JsonRepair"/>), matches keys to the channel's fields ignoring case.</summary>
public static partial class VariantOutputParser
{
    const int MaxCandidateStarts = 8;
    static readonly JsonDocumentOptions Lenient = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    public static VariantParseResult Parse(string? raw, ChannelSpec channel)
    {
        if (string.IsNullOrWhiteSpace(raw))
            return Fail("the model returned no text");

        var text = StripFences(raw, out var hadFence);
        string? firstProblem = null;
        var starts = 0;
        for (var start = text.IndexOf('{'); start >= 0 && starts < MaxCandidateStarts; start = text.IndexOf('{', start + 1), starts++)
        {
            var scan = JsonRepair.Scan(text, start);
            foreach (var candidate in scan.Candidates)
            {
                try
                {
                    using var doc = JsonDocument.Parse(candidate, Lenient);
                    if (doc.RootElement.ValueKind != JsonValueKind.Object) continue;
                    var repaired = scan.Changed || candidate != scan.Candidates[0];
                    var proseAround = !hadFence && (start > 0 && text[..start].Trim().Length > 0);
                    return MapFields(doc.RootElement, channel, repaired, proseAround || hadFence);
                }
                catch (JsonException e)
                {
                    firstProblem ??= e.Message;
                }
            }
        }

        return Fail(firstProblem is null
            ? "the output has no JSON object (expected one object with the keys " + KeyList(channel) + ")"
            : $"the output is not valid JSON even after repair: {firstProblem}");
    }

    static VariantParseResult MapFields(JsonElement root, ChannelSpec channel, bool repaired, bool unwrapped)
    {
        var errors = new List<string>();
        var warnings = new List<string>();
        if (unwrapped) warnings.Add("the JSON object was taken from inside a code fence or surrounding prose");

        // Some models nest the fields one level down ({"email": {...}}): accept that when nothing matches on top.
        if (!root.EnumerateObject().Any(p => channel.Field(p.Name) is not null)
            && root.EnumerateObject().ToList() is [{ Value.ValueKind: JsonValueKind.Object } only])
        {
            warnings.Add($"the fields were nested under '{only.Name}'");
            root = only.Value;
        }

        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in root.EnumerateObject())
        {
            var spec = channel.Field(property.Name);
            if (spec is null)
            {
                warnings.Add($"unknown field '{property.Name}' ignored ({channel.DisplayName} fields: {KeyList(channel)})");
                continue;
            }
            var value = property.Value;
            switch (value.ValueKind)
            {
                case JsonValueKind.String:
                    fields[spec.Name] = value.GetString() ?? "";
                    break;
                case JsonValueKind.Number:
                    fields[spec.Name] = value.GetRawText();
                    break;
                case JsonValueKind.Null:
                    break;
                default:
                    errors.Add($"field '{spec.Name}' must be a string (got {Describe(value.ValueKind)})");
                    break;
            }
        }

        foreach (var spec in channel.Fields.Where(f => f.Required))
        {
            if (!fields.TryGetValue(spec.Name, out var v))
            {
                if (!errors.Any(e => e.StartsWith($"field '{spec.Name}'", StringComparison.Ordinal)))
                    errors.Add($"missing required field '{spec.Name}' ({spec.Label})");
            }
            else if (string.IsNullOrWhiteSpace(v)) errors.Add($"required field '{spec.Name}' ({spec.Label}) is empty");
        }

        // Keys as the channel spells them, in the channel's order.
        var ordered = channel.Fields.Where(f => fields.ContainsKey(f.Name)).ToDictionary(f => f.Name, f => fields[f.Name], StringComparer.Ordinal);
        return new VariantParseResult(ordered, errors, warnings, repaired);
    }

    /// <summary>The content of the first fenced block that holds a brace; an unclosed fence (a cut reply) runs to the end.</summary>
    static string StripFences(string raw, out bool hadFence)
    {
        foreach (Match m in FencePattern().Matches(raw))
        {
            if (m.Groups["body"].Value.Contains('{'))
            {
                hadFence = true;
                return m.Groups["body"].Value;
            }
        }
        hadFence = false;
        return raw;
    }

    static string KeyList(ChannelSpec channel) => string.Join(", ", channel.Fields.Select(f => f.Name));

    static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "a list",
        JsonValueKind.Object => "an object",
        JsonValueKind.True or JsonValueKind.False => "true/false",
        _ => kind.ToString().ToLowerInvariant(),
    };

    static VariantParseResult Fail(string error) => new(new Dictionary<string, string>(), [error], [], false);

    [GeneratedRegex(@"```[ \t]*[A-Za-z0-9_-]*[ \t]*\r?\n?(?<body>.*?)(?:```|\z)", RegexOptions.Singleline)]
    private static partial Regex FencePattern();
}
