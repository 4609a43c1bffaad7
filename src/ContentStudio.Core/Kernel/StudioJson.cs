using System.Text.Json;
using System.Text.Json.Serialization;

namespace ContentStudio.Core.Kernel;

/// <summary>The one JSON shape the studio writes: web casing, enums by name (a stored "InReview" reads as itself, not
/// as 1). JSON columns, check reports, audit details and publication payloads all use it, so a value reads the same
/// wherever it was written. Files people edit (briefs, evaluation sets) add leniency on top (comments, trailing
/// commas) in their own readers.</summary>
public static class StudioJson
{
    public static readonly JsonSerializerOptions Options = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
