using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using ContentStudio.Core.Channels;
using Microsoft.Extensions.AI;

namespace ContentStudio.Core.Generation;

/// <summary>The reply a channel asks for as a JSON schema (one string per field, the required ones required, each with
/// its purpose and character limit), sent as the request's response format so providers that support structured
/// output hold the model to it. The prompt template still describes the shape in prose (the offline composer and older
/// servers read only that), and the reply is still parsed and validated: a schema guides the model, it proves nothing.</summary>
public static class ReplySchema
{
    static readonly ConcurrentDictionary<string, ChatResponseFormat> Formats = new(StringComparer.Ordinal);

    public static ChatResponseFormat For(ChannelSpec channel) => Formats.GetOrAdd(channel.Key, _ =>
        ChatResponseFormat.ForJsonSchema(Build(channel), $"{channel.Key.Replace('-', '_')}_copy", $"The fields of one {channel.DisplayName} variant"));

    internal static JsonElement Build(ChannelSpec channel)
    {
        var properties = new JsonObject();
        foreach (var field in channel.Fields)
        {
            var property = new JsonObject { ["type"] = "string", ["description"] = field.Purpose };
            if (field.MaxLength is { } max) property["maxLength"] = max;
            properties[field.Name] = property;
        }
        var schema = new JsonObject
        {
            ["type"] = "object",
            ["properties"] = properties,
            ["required"] = new JsonArray([.. channel.Fields.Where(f => f.Required).Select(f => (JsonNode)JsonValue.Create(f.Name))]),
            ["additionalProperties"] = false,
        };
        return JsonSerializer.SerializeToElement(schema);
    }
}
