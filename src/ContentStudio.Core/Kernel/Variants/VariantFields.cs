using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace ContentStudio.Core.Kernel;

/// <summary>The canonical JSON form of a variant's fields and its hash. Keys are sorted ordinally so the same
/// fields always give the same hash, whatever order the model wrote them in.</summary>
public static class VariantFields
{
    public static string CanonicalJson(IReadOnlyDictionary<string, string> fields)
    {
        var sorted = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in fields) sorted[key] = value;
        return JsonSerializer.Serialize(sorted);
    }

    public static string Hash(IReadOnlyDictionary<string, string> fields) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(CanonicalJson(fields))));

    public static IReadOnlyDictionary<string, string> Read(string json) =>
        string.IsNullOrWhiteSpace(json)
            ? new Dictionary<string, string>()
            : JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [];
}
