using System.Security.Cryptography;
using System.Text;
using ContentStudio.Core.Prompts;

namespace ContentStudio.Core.TemplateStudio;

/// <summary>Reads and writes template files byte for byte: strict UTF-8, a byte-order mark kept as a character,
/// line endings and the final newline (or its absence) untouched. File.ReadAllText would drop the BOM and
/// StreamWriter could add one, and either would change the version hash.</summary>
public static class TemplateText
{
    public const string Extension = ".prompt.md";
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The file's exact text; throws <see cref="DecoderFallbackException"/> when it is not UTF-8.</summary>
    public static string Read(string path) => Strict.GetString(File.ReadAllBytes(path));

    public static Task WriteAsync(string path, string text, CancellationToken ct = default) =>
        File.WriteAllBytesAsync(path, Strict.GetBytes(text), ct);

    /// <summary>The version label: the first 12 hex digits of SHA-256 over the UTF-8 text, as the parser computes it.</summary>
    public static string Label(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..12];

    /// <summary>"email" for "prompts/email.prompt.md"; null for other files.</summary>
    public static string? NameOf(string path) =>
        Path.GetFileName(path) is var f && f.EndsWith(Extension, StringComparison.OrdinalIgnoreCase) ? f[..^Extension.Length] : null;

    /// <summary>A rough token count for people (about four characters a token for English).</summary>
    public static int EstimateTokens(string text) => (text.Length + 3) / 4;
}
