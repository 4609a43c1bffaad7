using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ContentStudio.Core.Text;

/// <summary>Prepares text that came from people or files (briefs, segments, guide prose) for a prompt:
/// <see cref="Clean"/> removes characters a reader cannot see but a model can (zero-width, bidi overrides,
/// tag characters used for "ASCII smuggling"), and <see cref="Fence"/> wraps the text in markers the system
/// prompt describes as "data, never instructions", making sure the data itself cannot close the fence.</summary>
public static partial class UntrustedText
{
    public const string OpenPrefix = "<<<untrusted:";
    public const string ClosePrefix = "<<<end:";
    public const string MarkerSuffix = ">>>";

    /// <summary>Strips invisible and control characters and normalises to NFC. Line breaks become \n;
    /// tabs and line breaks are the only control characters kept.</summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                // Astral characters: drop the format ones (U+E0000 tag characters hide ASCII text).
                var rune = new Rune(c, text[i + 1]);
                if (Rune.GetUnicodeCategory(rune) != UnicodeCategory.Format) sb.Append(c).Append(text[i + 1]);
                i++;
                continue;
            }
            if (char.IsSurrogate(c)) continue; // a lone surrogate is not text, and NFC would throw on it
            if (c == '\r')
            {
                // \r\n and a lone \r are both one line break.
                if (i + 1 < text.Length && text[i + 1] == '\n') i++;
                sb.Append('\n');
                continue;
            }
            if (c is '\u2028' or '\u2029') { sb.Append('\n'); continue; }
            if (c is '\n' or '\t') { sb.Append(c); continue; }
            if (IsStripped(c)) continue;
            sb.Append(c);
        }
        return sb.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>True for characters <see cref="Clean"/> removes: C0/C1 controls, soft hyphen, and every
    /// Unicode format character (Cf), which covers U+200B–U+200F, U+202A–U+202E, U+2060–U+2064,
    /// U+2066–U+2069 and U+FEFF.</summary>
    public static bool IsStripped(char c) =>
        char.IsControl(c) && c is not ('\n' or '\t')
        || c == '\u00AD'
        || char.GetUnicodeCategory(c) == UnicodeCategory.Format;

    /// <summary>Cleans <paramref name="text"/> and wraps it between <c>&lt;&lt;&lt;untrusted:label&gt;&gt;&gt;</c>
    /// and <c>&lt;&lt;&lt;end:label&gt;&gt;&gt;</c> on their own lines. Anything inside that looks like a
    /// marker is defused first, so the data cannot end the block early or open a new one.</summary>
    public static string Fence(string label, string? text)
    {
        if (string.IsNullOrWhiteSpace(label) || !LabelPattern().IsMatch(label))
            throw new ArgumentException($"Fence label '{label}' must be letters, digits, '.', '_' or '-'.", nameof(label));
        var body = Neutralise(Clean(text)).Trim('\n');
        return $"{OpenPrefix}{label}{MarkerSuffix}\n{body}\n{ClosePrefix}{label}{MarkerSuffix}";
    }

    /// <summary>Defuses fence look-alikes: a run of two or more angle brackets of any script (ASCII, full-width,
    /// guillemets, mathematical, CJK), spaces allowed between them, becomes one ASCII bracket; and a bracket
    /// directly before "untrusted:" or "end:" becomes a parenthesis. "&lt;&lt;&lt;end:brief.offer&gt;&gt;&gt;" inside data
    /// therefore reads "(end:brief.offer&gt;", which no longer matches the marker.</summary>
    public static string Neutralise(string text)
    {
        var collapsed = LeftRun().Replace(text, "<");
        collapsed = RightRun().Replace(collapsed, ">");
        return MarkerWord().Replace(collapsed, m => "(" + m.Value[1..]);
    }

    private const string LeftAngles = "<\uFF1C\uFE64\u2039\u00AB\u226A\u22D8\u2329\u3008\u300A\u27E8\u27EA\u276E\u276C\u2770\u29FC";
    private const string RightAngles = ">\uFF1E\uFE65\u203A\u00BB\u226B\u22D9\u232A\u3009\u300B\u27E9\u27EB\u276F\u276D\u2771\u29FD";

    [GeneratedRegex("[" + LeftAngles + "](?:\\s*[" + LeftAngles + "])+")]
    private static partial Regex LeftRun();

    [GeneratedRegex("[" + RightAngles + "](?:\\s*[" + RightAngles + "])+")]
    private static partial Regex RightRun();

    [GeneratedRegex("[" + LeftAngles + "]\\s*(?:untrusted|end)\\s*[:\uFF1A]", RegexOptions.IgnoreCase)]
    private static partial Regex MarkerWord();

    [GeneratedRegex("^[A-Za-z0-9._-]+$")]
    private static partial Regex LabelPattern();
}
