using System.Net;

namespace ContentStudio.Core.Publishing.Rendering;

/// <summary>Which link targets may appear in published HTML: absolute http, https and mailto URLs only.
/// The scheme is judged the way a browser would read it: entities decoded, and tabs, newlines and other
/// control characters removed (browsers drop them, so "java\tscript:" is still javascript:).</summary>
public static class LinkPolicy
{
    private static readonly string[] AllowedSchemes = ["http", "https", "mailto"];

    /// <summary>The URL to emit, or null when the link must not be live (bad scheme, relative, malformed).</summary>
    public static string? SafeUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url)) return null;
        // Decode twice: once for the HTML layer, once more in case the text was encoded twice on the way in.
        // A URL that only turns dangerous after a second decode is still refused.
        var once = Normalize(WebUtility.HtmlDecode(url));
        var twice = Normalize(WebUtility.HtmlDecode(once));
        if (Scheme(once) is not { } scheme || !AllowedSchemes.Contains(scheme)) return null;
        if (Scheme(twice) is not { } scheme2 || !AllowedSchemes.Contains(scheme2)) return null;
        if (scheme == "mailto") return once.Length > "mailto:".Length ? once : null;
        return Uri.TryCreate(once, UriKind.Absolute, out var uri) && !string.IsNullOrEmpty(uri.Host) && uri.UserInfo.Length == 0
            ? uri.AbsoluteUri
            : null;
    }

    /// <summary>The lower-case scheme, or null when the URL has none (relative, protocol-relative, fragment).</summary>
    internal static string? Scheme(string url)
    {
        var colon = url.IndexOf(':');
        if (colon <= 0) return null;
        var end = url.IndexOfAny(['/', '?', '#']);
        if (end >= 0 && end < colon) return null;
        var scheme = url[..colon];
        return scheme.All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.') ? scheme.ToLowerInvariant() : "invalid";
    }

    /// <summary>What a browser does before reading a URL: trim C0 controls and spaces, drop tab/CR/LF anywhere.
    /// We go further and drop every control and invisible formatting character anywhere.</summary>
    internal static string Normalize(string url)
    {
        var chars = url.Where(c => !char.IsControl(c) && char.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.Format).ToArray();
        return new string(chars).Trim(' ', '\u00a0', '\u3000');
    }
}
