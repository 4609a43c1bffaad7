using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using ContentStudio.Core.Publishing.Rendering;

namespace ContentStudio.Core.Tests.Publishing;

/// <summary>Reads HTML the way a browser would (AngleSharp) and lists anything that could run, load or navigate:
/// the independent judge of the sanitiser's output.</summary>
internal static class LiveVectors
{
    private static readonly string[] ForbiddenElements =
        ["script", "iframe", "frame", "object", "embed", "svg", "math", "style", "img", "form", "base", "meta", "link",
         "input", "button", "video", "audio", "source", "template", "textarea", "isindex", "noscript", "details", "marquee"];

    private static readonly HashSet<string> AllowedAttributes = new(StringComparer.OrdinalIgnoreCase) { "href", "rel", "lang" };

    public static IReadOnlyList<string> Find(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        var problems = new List<string>();
        foreach (var element in document.All)
        {
            if (ForbiddenElements.Contains(element.LocalName)) problems.Add($"<{element.LocalName}> element");
            foreach (var attribute in element.Attributes)
            {
                if (attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)) problems.Add($"event handler {attribute.Name}");
                else if (attribute.Name.Equals("style", StringComparison.OrdinalIgnoreCase)) problems.Add("style attribute");
                else if (!AllowedAttributes.Contains(attribute.Name)) problems.Add($"attribute {attribute.Name} on <{element.LocalName}>");
            }
            if (element.GetAttribute("href") is { } href && !SchemeAllowed(href)) problems.Add($"href {href}");
        }
        return problems;
    }

    /// <summary>Independent of LinkPolicy: decode, drop every control/whitespace character, then the scheme must be
    /// http, https or mailto.</summary>
    private static bool SchemeAllowed(string href)
    {
        var decoded = System.Net.WebUtility.HtmlDecode(href);
        var squeezed = new string(decoded.Where(c => !char.IsControl(c) && !char.IsWhiteSpace(c)).ToArray()).ToLowerInvariant();
        return squeezed.StartsWith("http://") || squeezed.StartsWith("https://") || squeezed.StartsWith("mailto:");
    }
}

internal static class XssCorpus
{
    public static IReadOnlyList<string> Load()
    {
        var path = Path.Combine(Checks.TestFiles.RepoRoot(), "tests", "ContentStudio.Core.Tests", "Publishing", "xss-corpus.txt");
        return File.ReadAllLines(path)
            .Where(l => l.Length > 0 && !l.StartsWith("//", StringComparison.Ordinal))
            .Select(l => l.Replace("\\n", "\n").Replace("\\t", "\t"))
            .ToList();
    }
}
