using System.Text.Json;
using ContentStudio.Core.Campaigns;
using ContentStudio.Core.Channels;
using ContentStudio.Core.Segments;

namespace ContentStudio.Core.Checks.CrossVariant;

/// <summary>One campaign as `studio check-campaign` reads it: the brief, the segments and the variants.</summary>
public sealed record CampaignInput(string Id, CampaignBrief Brief, IReadOnlyList<Segment> Segments, IReadOnlyList<CampaignVariant> Variants);

/// <summary>A campaign line that could not be read: where (the JSON path of the field) and what to fix.</summary>
public sealed class CampaignInputException(string field, string message) : FormatException(message)
{
    public string Field { get; } = field;
}

/// <summary>Reads one campaign from JSON (schema in Checks/README.md). Unknown properties are ignored, so a labelled
/// corpus line ("label", "expected") is valid input. Every list and text has a limit; an error names the field.</summary>
public static class CampaignInputReader
{
    public const int MaxLineChars = 1_000_000, MaxSegments = 50, MaxVariants = 500, MaxExtras = 20, MaxAttributes = 50,
        MaxTextChars = 10_000, MaxShortChars = 300;

    public static CampaignInput Parse(string json)
    {
        if (json.Length > MaxLineChars) throw new CampaignInputException("", $"the line has {json.Length:N0} characters; a campaign may have at most {MaxLineChars:N0}");
        JsonDocument doc;
        try { doc = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 16 }); }
        catch (JsonException e) { throw new CampaignInputException("", $"not valid JSON: {e.Message}"); }
        using (doc) return Read(doc.RootElement);
    }

    private static CampaignInput Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object) throw new CampaignInputException("", "expected a JSON object");
        var id = Str(root, "id", "id", MaxShortChars, required: true);
        var brief = root.TryGetProperty("brief", out var b) && b.ValueKind != JsonValueKind.Null ? Brief(b) : new CampaignBrief();

        var segmentsElement = List(root, "segments", MaxSegments, required: true);
        var segments = new List<Segment>();
        var i = 0;
        foreach (var s in segmentsElement.EnumerateArray()) segments.Add(ReadSegment(s, $"segments[{i++}]"));
        foreach (var dup in segments.GroupBy(s => s.Key).Where(g => g.Count() > 1))
            throw new CampaignInputException("segments", $"segment key '{dup.Key}' is used twice; give each segment its own key");
        var byKey = segments.ToDictionary(s => s.Key);

        for (var e = 0; e < brief.SanctionedExtras.Count; e++)
            foreach (var key in brief.SanctionedExtras[e].Segments.Where(k => !byKey.ContainsKey(k)))
                throw new CampaignInputException($"brief.extras[{e}].segments", $"unknown segment '{key}' (segments: {string.Join(", ", byKey.Keys)})");

        var variants = new List<CampaignVariant>();
        i = 0;
        foreach (var v in List(root, "variants", MaxVariants, required: true).EnumerateArray())
        {
            var path = $"variants[{i++}]";
            if (v.ValueKind != JsonValueKind.Object) throw new CampaignInputException(path, "expected an object with id, segment, channel, field and text");
            var vid = Str(v, "id", path + ".id", MaxShortChars, required: true);
            var segKey = Str(v, "segment", path + ".segment", MaxShortChars, required: true);
            if (!byKey.TryGetValue(segKey, out var segment))
                throw new CampaignInputException(path + ".segment", $"unknown segment '{segKey}' (segments: {string.Join(", ", byKey.Keys)})");
            var channelText = Str(v, "channel", path + ".channel", MaxShortChars, required: true);
            if (!ChannelCatalog.TryParse(channelText, out var spec))
                throw new CampaignInputException(path + ".channel", $"unknown channel '{channelText}' (use {string.Join(", ", ChannelCatalog.All.Select(c => c.Key))})");
            var field = Str(v, "field", path + ".field", MaxShortChars, required: false);
            if (field.Length == 0) field = VariantContent.DefaultField(spec.Kind);
            if (!spec.Fields.Any(f => f.Name == field))
                throw new CampaignInputException(path + ".field", $"unknown field '{field}' for {spec.Key} (use {string.Join(", ", spec.Fields.Select(f => f.Name))})");
            var text = Str(v, "text", path + ".text", MaxTextChars, required: true);
            variants.Add(new CampaignVariant(vid, segment, spec.Kind, new Dictionary<string, string> { [field] = text }));
        }
        foreach (var dup in variants.GroupBy(v => v.Id).Where(g => g.Count() > 1))
            throw new CampaignInputException("variants", $"variant id '{dup.Key}' is used twice; give each variant its own id");
        return new CampaignInput(id, brief, segments, variants);
    }

    private static CampaignBrief Brief(JsonElement b)
    {
        if (b.ValueKind != JsonValueKind.Object) throw new CampaignInputException("brief", "expected an object with product, offer and extras");
        var extras = new List<SanctionedExtra>();
        if (b.TryGetProperty("extras", out _))
        {
            var i = 0;
            foreach (var e in List(b, "extras", MaxExtras, required: false, prefix: "brief.").EnumerateArray())
            {
                var path = $"brief.extras[{i++}]";
                if (e.ValueKind != JsonValueKind.Object) throw new CampaignInputException(path, "expected an object with segments and text");
                extras.Add(new SanctionedExtra(Strings(e, "segments", path + ".segments", MaxSegments), Str(e, "text", path + ".text", MaxShortChars, required: true)));
            }
        }
        return new CampaignBrief
        {
            Product = Str(b, "product", "brief.product", MaxShortChars, required: false),
            Offer = Str(b, "offer", "brief.offer", MaxShortChars, required: false),
            SanctionedExtras = extras,
        };
    }

    private static Segment ReadSegment(JsonElement s, string path)
    {
        if (s.ValueKind != JsonValueKind.Object) throw new CampaignInputException(path, "expected an object with key, attributes, protected and justifying");
        var key = Str(s, "key", path + ".key", MaxShortChars, required: true);
        var attributes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (s.TryGetProperty("attributes", out var a) && a.ValueKind != JsonValueKind.Null)
        {
            if (a.ValueKind != JsonValueKind.Object) throw new CampaignInputException(path + ".attributes", "expected an object of name: value strings");
            foreach (var p in a.EnumerateObject())
            {
                if (attributes.Count >= MaxAttributes) throw new CampaignInputException(path + ".attributes", $"more than {MaxAttributes} attributes");
                if (p.Value.ValueKind != JsonValueKind.String || p.Value.GetString()!.Length > MaxShortChars)
                    throw new CampaignInputException($"{path}.attributes.{p.Name}", $"expected a string of at most {MaxShortChars} characters");
                attributes[p.Name] = p.Value.GetString()!;
            }
        }
        var name = Str(s, "name", path + ".name", MaxShortChars, required: false);
        return new Segment
        {
            Key = key,
            BrandSlug = "",
            Name = name.Length > 0 ? name : key,
            AgeBand = attributes.GetValueOrDefault("age", ""),
            Locale = attributes.GetValueOrDefault("locale", ""),
            Attributes = attributes,
            ProtectedAttributes = Strings(s, "protected", path + ".protected", MaxAttributes),
            JustifyingAttributes = Strings(s, "justifying", path + ".justifying", MaxAttributes),
        };
    }

    private static JsonElement List(JsonElement o, string name, int max, bool required, string prefix = "")
    {
        if (!o.TryGetProperty(name, out var list) || list.ValueKind == JsonValueKind.Null)
        {
            if (required) throw new CampaignInputException(prefix + name, $"missing \"{name}\" (a list)");
            return JsonDocument.Parse("[]").RootElement;
        }
        if (list.ValueKind != JsonValueKind.Array) throw new CampaignInputException(prefix + name, $"\"{name}\" must be a list");
        if (list.GetArrayLength() > max) throw new CampaignInputException(prefix + name, $"{list.GetArrayLength()} items; at most {max}");
        return list;
    }

    private static List<string> Strings(JsonElement o, string name, string path, int max)
    {
        if (!o.TryGetProperty(name, out var list) || list.ValueKind == JsonValueKind.Null) return [];
        if (list.ValueKind != JsonValueKind.Array) throw new CampaignInputException(path, "expected a list of strings");
        if (list.GetArrayLength() > max) throw new CampaignInputException(path, $"{list.GetArrayLength()} items; at most {max}");
        return [.. list.EnumerateArray().Select((e, i) => e.ValueKind == JsonValueKind.String && e.GetString()!.Length <= MaxShortChars
            ? e.GetString()! : throw new CampaignInputException($"{path}[{i}]", $"expected a string of at most {MaxShortChars} characters"))];
    }

    private static string Str(JsonElement o, string name, string path, int max, bool required)
    {
        if (!o.TryGetProperty(name, out var e) || e.ValueKind == JsonValueKind.Null)
            return required ? throw new CampaignInputException(path, $"missing \"{name}\"") : "";
        if (e.ValueKind != JsonValueKind.String) throw new CampaignInputException(path, $"\"{name}\" must be a string");
        var value = e.GetString()!;
        if (required && value.Trim().Length == 0) throw new CampaignInputException(path, $"\"{name}\" is empty");
        if (value.Length > max) throw new CampaignInputException(path, $"{value.Length:N0} characters; at most {max:N0}");
        return value;
    }
}
