using System.Text;
using System.Text.Json;

namespace ContentStudio.Core.Audit;

/// <summary>An audit event as people read it: the action in words ("Review override approved") and its details as
/// labelled fields ("before hash: 3f2a…"), not raw JSON. Pages and exports read events through this.</summary>
public static class AuditDetails
{
    public static string ActionLabel(string action)
    {
        var words = action.Replace('.', ' ').Replace('-', ' ').Replace('_', ' ').Trim();
        return words.Length == 0 ? action : char.ToUpperInvariant(words[0]) + words[1..];
    }

    /// <summary>Top-level and nested properties flattened ("target name"), arrays joined with commas; text that is not
    /// a JSON object comes back as one "details" field. Never throws on what the table holds.</summary>
    public static IReadOnlyList<(string Label, string Value)> Fields(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return [];
        try
        {
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.ValueKind != JsonValueKind.Object) return [("details", Text(doc.RootElement))];
            var fields = new List<(string, string)>();
            Flatten(doc.RootElement, "", fields);
            return fields;
        }
        catch (JsonException) { return [("details", json)]; }
    }

    private static void Flatten(JsonElement obj, string prefix, List<(string, string)> into)
    {
        foreach (var p in obj.EnumerateObject())
        {
            var label = prefix.Length == 0 ? Words(p.Name) : $"{prefix} {Words(p.Name)}";
            if (p.Value.ValueKind == JsonValueKind.Object) Flatten(p.Value, label, into);
            else into.Add((label, Text(p.Value)));
        }
    }

    private static string Text(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => e.GetString() ?? "",
        JsonValueKind.Null or JsonValueKind.Undefined => "—",
        JsonValueKind.True => "yes",
        JsonValueKind.False => "no",
        JsonValueKind.Array => string.Join(", ", e.EnumerateArray().Select(Text)),
        JsonValueKind.Object => string.Join("; ", e.EnumerateObject().Select(p => $"{Words(p.Name)}: {Text(p.Value)}")),
        _ => e.GetRawText(),
    };

    /// <summary>"beforeHash" → "before hash".</summary>
    private static string Words(string name)
    {
        var b = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0 && !char.IsUpper(name[i - 1])) b.Append(' ');
            b.Append(c is '_' or '-' ? ' ' : char.ToLowerInvariant(c));
        }
        return b.ToString();
    }
}
