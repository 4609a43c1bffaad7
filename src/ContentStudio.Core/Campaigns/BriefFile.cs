using System.Text.Json;
using System.Text.Json.Serialization;
using ContentStudio.Core.Brands;
using ContentStudio.Core.Channels;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Core.Campaigns;

/// <summary>Reads a brief from a JSON file (`studio generate --brief brief.json`). Field names are the
/// camelCase names of <see cref="CampaignBrief"/>; channels may be keys ("email", "landing-hero") or names.
/// Unknown fields are errors, so a typo never silently drops a setting.</summary>
public static class BriefFile
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        Converters = { new ChannelKindConverter() },
    };

    /// <summary>Loads the brief; throws <see cref="BriefFileException"/> naming the file, line and field.</summary>
    public static CampaignBrief Load(string path)
    {
        if (!File.Exists(path)) throw new BriefFileException(new SourceError(path, 0, "File not found."));
        return Parse(File.ReadAllText(path), path);
    }

    public static CampaignBrief Parse(string json, string fileName)
    {
        try
        {
            return JsonSerializer.Deserialize<CampaignBrief>(json, Options)
                ?? throw new BriefFileException(new SourceError(fileName, 1, "The file holds 'null'; expected a JSON object with the brief's fields."));
        }
        catch (JsonException e)
        {
            var line = (int)(e.LineNumber ?? -1) + 1;
            var field = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "" : $"field '{e.Path.TrimStart('$', '.')}': ";
            throw new BriefFileException(new SourceError(fileName, line, field + Explain(e)), e);
        }
    }

    public static string ToJson(CampaignBrief brief) => JsonSerializer.Serialize(brief, new JsonSerializerOptions(Options) { WriteIndented = true });

    private static string Explain(JsonException e) =>
        e.InnerException is BriefFileException inner ? inner.Error.Message : FirstSentence(e.Message);

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }

    private sealed class ChannelKindConverter : JsonConverter<ChannelKind>
    {
        public override ChannelKind Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            if (ChannelCatalog.TryParse(text, out var spec)) return spec.Kind;
            throw new JsonException($"'{text ?? reader.TokenType.ToString()}' is not a channel; use one of {string.Join(", ", ChannelCatalog.All.Select(c => c.Key))}.");
        }

        public override void Write(Utf8JsonWriter writer, ChannelKind value, JsonSerializerOptions options) =>
            writer.WriteStringValue(ChannelCatalog.Get(value).Key);
    }
}

public sealed class BriefFileException(SourceError error, Exception? inner = null) : Exception(error.ToString(), inner)
{
    public SourceError Error { get; } = error;
}
