using System.Text.RegularExpressions;

namespace ContentStudio.Core.Llm;

/// <summary>Masks secrets in text that came from a model provider (error bodies echo the key they rejected, proxies
/// echo headers) before it is stored on a variant, logged or shown: the configured key wherever it appears, and
/// anything shaped like a credential (sk-… keys, bearer tokens, api-key / authorization values, long base64 or hex
/// tokens). Over-masking an id in an error message costs little; leaking a key costs a rotation.</summary>
public sealed partial class SecretRedactor
{
    public const string Mask = "[redacted]";

    /// <summary>Shape-based masking only, for places that do not know the configured key.</summary>
    public static SecretRedactor PatternsOnly { get; } = new([]);

    readonly string[] _known;

    public SecretRedactor(IEnumerable<string?> knownSecrets) =>
        // Longest first, so a key that contains another is masked whole. Very short values would mask ordinary words.
        _known = [.. knownSecrets.Where(s => s is { Length: >= 6 }).Select(s => s!.Trim()).Distinct().OrderByDescending(s => s.Length)];

    public string Redact(string? text)
    {
        if (string.IsNullOrEmpty(text)) return text ?? "";
        foreach (var secret in _known) text = text.Replace(secret, Mask, StringComparison.Ordinal);
        text = SchemeToken().Replace(text, m => m.Groups["scheme"].Value + " " + Mask);
        text = NamedValue().Replace(text, m => m.Groups["name"].Value + m.Groups["sep"].Value + Mask);
        text = OpenAIStyleKey().Replace(text, Mask);
        return LongToken().Replace(text, Mask);
    }

    /// <summary>"Bearer eyJ…", "Basic dXNl…".</summary>
    [GeneratedRegex(@"\b(?<scheme>Bearer|Basic)\s+[A-Za-z0-9._~+/=*-]{6,}", RegexOptions.IgnoreCase)]
    private static partial Regex SchemeToken();

    /// <summary>"api-key: xyz", "x-api-key=xyz", "\"authorization\": \"xyz\"", "access_token=xyz".</summary>
    [GeneratedRegex(@"(?<name>\b(?:x-)?api[-_ ]?key|\bauthorization|\baccess[-_]?token|\bclient[-_]?secret|\bpassword)(?<sep>""?\s*[:=]\s*""?)(?!\[redacted\])[^\s""',;}]{4,}",
        RegexOptions.IgnoreCase)]
    private static partial Regex NamedValue();

    /// <summary>OpenAI-style keys (sk-…, sk-proj-…), including the partly starred form in "Incorrect API key provided".</summary>
    [GeneratedRegex(@"\bsk-[A-Za-z0-9_*-]{6,}")]
    private static partial Regex OpenAIStyleKey();

    /// <summary>32+ characters of base64/base64url/hex holding both a letter and a digit: the shape of keys and tokens,
    /// rarely of words.</summary>
    [GeneratedRegex(@"(?<![A-Za-z0-9+/_-])(?=[A-Za-z0-9+/_-]*[0-9])(?=[A-Za-z0-9+/_-]*[A-Za-z])[A-Za-z0-9+/_-]{32,}={0,2}")]
    private static partial Regex LongToken();
}
