using System.Text.Json;
using System.Text.Json.Serialization;

namespace ContentStudio.Core.Checks;

/// <summary>The JSON form of check reports and findings as stored on a variant.</summary>
public static class StoredReports
{
    private static JsonSerializerOptions Options => Kernel.StudioJson.Options;

    public static string Serialize(CheckReport report) => JsonSerializer.Serialize(report, Options);

    public static CheckReport? Deserialize(string? json) =>
        string.IsNullOrEmpty(json) ? null : JsonSerializer.Deserialize<CheckReport>(json, Options);

    public static string SerializeFindings(IReadOnlyList<Finding> findings) => JsonSerializer.Serialize(findings, Options);

    public static IReadOnlyList<Finding> DeserializeFindings(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<List<Finding>>(json, Options) ?? [];
}
