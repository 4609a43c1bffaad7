using System.Reflection;
using System.Text.Json;
using ContentStudio.Core;

namespace ContentStudio.Core.Tests.Configuration;

/// <summary>appsettings.template.json must list every key of every options class, and nothing else,
/// so the template stays the one place an operator reads to configure the studio.</summary>
public class SettingsTemplateTests
{
    private static readonly string TemplatePath = FindTemplate();

    [Fact]
    public void TemplateListsEveryOptionsKey()
    {
        var missing = OptionKeys().Except(TemplateKeys(), StringComparer.OrdinalIgnoreCase).ToList();
        missing.ShouldBeEmpty($"keys missing from {TemplatePath}");
    }

    [Fact]
    public void TemplateHasNoKeyThatNoOptionsClassReads()
    {
        var extra = TemplateKeys().Where(k => !k.StartsWith("Logging:", StringComparison.Ordinal) && k != "AllowedHosts")
            .Except(OptionKeys(), StringComparer.OrdinalIgnoreCase).ToList();
        extra.ShouldBeEmpty($"keys in {TemplatePath} that nothing reads");
    }

    [Fact]
    public void TemplateHoldsNoSecretValues()
    {
        var secrets = TemplateValues().Where(kv =>
            (kv.Key.EndsWith("ApiKey", StringComparison.OrdinalIgnoreCase) || kv.Key.EndsWith("Secret", StringComparison.OrdinalIgnoreCase) ||
             kv.Key.EndsWith("Password", StringComparison.OrdinalIgnoreCase)) && !string.IsNullOrEmpty(kv.Value)).ToList();
        secrets.ShouldBeEmpty("secrets come from environment variables or user-secrets, never from a committed file");
    }

    /// <summary>Every options class in Core declares its section in a public const string Section.</summary>
    private static IEnumerable<string> OptionKeys() =>
        from type in typeof(CoreComposition).Assembly.GetTypes()
        let field = type.GetField("Section", BindingFlags.Public | BindingFlags.Static)
        where field is { IsLiteral: true } && type.Name.EndsWith("Options", StringComparison.Ordinal)
        from property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
        where property.CanWrite
        select $"{field.GetRawConstantValue()}:{property.Name}";

    private static IEnumerable<string> TemplateKeys() => TemplateValues().Select(kv => kv.Key);

    private static List<KeyValuePair<string, string?>> TemplateValues()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(TemplatePath),
            new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var result = new List<KeyValuePair<string, string?>>();
        Walk(doc.RootElement, "", result);
        return result;
    }

    private static void Walk(JsonElement element, string prefix, List<KeyValuePair<string, string?>> into)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in element.EnumerateObject())
                Walk(p.Value, prefix.Length == 0 ? p.Name : $"{prefix}:{p.Name}", into);
        }
        else
        {
            into.Add(new(prefix, element.ValueKind == JsonValueKind.Array ? element.GetRawText() : element.ToString()));
        }
    }

    private static string FindTemplate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "appsettings.template.json");
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException("appsettings.template.json not found above " + AppContext.BaseDirectory);
    }
}
