using System.Net;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace ContentStudio.Core.Publishing.Rendering;

/// <summary>The last gate before markup leaves the studio: parses HTML with AngleSharp (the way a browser would)
/// and writes it out again from an allowlist. Allowed elements keep no attribute except a safe href on links;
/// dangerous containers (script, style, svg, iframe, …) go with their content; images become their alt text;
/// anything else unknown is unwrapped to its text. The output is re-serialised by us, never copied through.</summary>
public static class HtmlAllowlist
{
    private static readonly HashSet<string> Allowed = new(StringComparer.OrdinalIgnoreCase)
        { "p", "br", "strong", "em", "ul", "ol", "li", "a", "blockquote", "code", "pre", "h1", "h2", "h3", "h4" };

    /// <summary>Removed together with everything inside them: their content is code or foreign markup, not prose.</summary>
    private static readonly HashSet<string> DroppedWithContent = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "svg", "math", "template",
        "noscript", "noembed", "noframes", "xmp", "title", "head", "meta", "link", "base", "textarea", "select",
        "option", "button", "input", "audio", "video", "source", "track", "canvas", "map", "param", "portal", "plaintext",
    };

    private static readonly HtmlParser Parser = new(new HtmlParserOptions { IsScripting = false });

    public static string Sanitize(string html)
    {
        var document = Parser.ParseDocument("<!doctype html><html><body>" + html);
        var output = new StringBuilder(html.Length);
        foreach (var child in document.Body!.ChildNodes) Write(child, output);
        return output.ToString();
    }

    private static void Write(INode node, StringBuilder output)
    {
        switch (node)
        {
            case IText text:
                output.Append(Encode(text.Data));
                break;
            case IElement element:
                WriteElement(element, output);
                break;
            // Comments, processing instructions and doctypes are dropped.
        }
    }

    private static void WriteElement(IElement element, StringBuilder output)
    {
        var name = element.LocalName;
        if (element.NamespaceUri is { } ns && ns != "http://www.w3.org/1999/xhtml") return; // svg / math content
        if (DroppedWithContent.Contains(name)) return;
        if (name == "img")
        {
            // No images at all (tracking pixels, remote content); the alt text stays readable.
            var alt = element.GetAttribute("alt");
            if (!string.IsNullOrWhiteSpace(alt)) output.Append(Encode(alt));
            return;
        }
        if (!Allowed.Contains(name))
        {
            WriteChildren(element, output);
            return;
        }
        if (name == "a")
        {
            var href = LinkPolicy.SafeUrl(element.GetAttribute("href"));
            if (href is null) { WriteChildren(element, output); return; } // inert: the text stays, the link goes
            output.Append("<a href=\"").Append(Encode(href)).Append("\" rel=\"nofollow noopener\">");
            WriteChildren(element, output);
            output.Append("</a>");
            return;
        }
        if (name == "br") { output.Append("<br>"); return; }
        output.Append('<').Append(name).Append('>');
        WriteChildren(element, output);
        output.Append("</").Append(name).Append('>');
    }

    private static void WriteChildren(INode parent, StringBuilder output)
    {
        foreach (var child in parent.ChildNodes) Write(child, output);
    }

    /// <summary>Encodes &amp;, &lt;, &gt;, quotes and apostrophes, so text can never become markup or leave an attribute.</summary>
    public static string Encode(string text) => WebUtility.HtmlEncode(text);
}
