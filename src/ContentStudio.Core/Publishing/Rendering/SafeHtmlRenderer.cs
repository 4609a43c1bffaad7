using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ContentStudio.Core.Publishing.Rendering;

/// <summary>The one way model output becomes HTML: Markdown (raw HTML off) → links checked against the scheme
/// allowlist and images turned into their alt text on the syntax tree → HTML → <see cref="HtmlAllowlist"/>.
/// The tree pass is defence in depth; the allowlist pass alone must already be safe.</summary>
public static class SafeHtmlRenderer
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().Build();

    /// <summary>Longer text is shown as plain text: no copy field comes near it, and parsing it costs more than it shows.</summary>
    public const int MaxMarkdownLength = 50_000;

    /// <summary>Deeper nesting (quotes in quotes, lists in lists, brackets in brackets) is shown as plain text: Markdig
    /// throws on very deep nesting, and no marketing copy nests this deep.</summary>
    public const int MaxNestingDepth = 32;

    /// <summary>Never throws: text that is too long or nested too deep, or that Markdig still refuses, is shown as its
    /// plain, encoded text, so one pathological item never takes down a page or an export.</summary>
    public static string Render(string markdownOrText)
    {
        if (string.IsNullOrEmpty(markdownOrText)) return "";
        if (markdownOrText.Length > MaxMarkdownLength || NestingDepth(markdownOrText) > MaxNestingDepth) return PlainHtml(markdownOrText);
        try { return RenderMarkdown(markdownOrText); }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or IndexOutOfRangeException)
        {
            return PlainHtml(markdownOrText);
        }
    }

    /// <summary>The text as paragraphs of encoded text, line breaks kept.</summary>
    internal static string PlainHtml(string text) =>
        "<p>" + HtmlAllowlist.Encode(text).Replace("\r\n", "\n").Replace("\n", "<br>") + "</p>";

    /// <summary>The deepest nesting a line or a bracket run opens: blockquote markers and list indentation at the start
    /// of each line, and unclosed brackets, parentheses and emphasis runs anywhere.</summary>
    internal static int NestingDepth(string text)
    {
        var deepest = 0;
        foreach (var line in text.AsSpan().EnumerateLines())
        {
            int depth = 0, indent = 0;
            for (var i = 0; i < line.Length; i++)
            {
                var c = line[i];
                if (c == '>') depth++;
                else if (c == ' ') indent++;
                else if (c == '\t') indent += 4;
                // A list marker opens a level only when a space follows it ("- - -" nests, "----" is a rule).
                else if (c is '-' or '*' or '+' && i + 1 < line.Length && line[i + 1] == ' ') depth++;
                else break;
            }
            deepest = Math.Max(deepest, depth + indent / 4);
        }
        int open = 0, maxOpen = 0, run = 0, maxRun = 0;
        foreach (var c in text)
        {
            if (c is '[' or '(') maxOpen = Math.Max(maxOpen, ++open);
            else if (c is ']' or ')') open = Math.Max(0, open - 1);
            run = c is '*' or '_' or '~' or '`' ? run + 1 : 0;
            maxRun = Math.Max(maxRun, run);
        }
        return Math.Max(deepest, Math.Max(maxOpen, maxRun));
    }

    private static string RenderMarkdown(string markdownOrText)
    {
        var document = Markdown.Parse(markdownOrText, Pipeline);
        foreach (var link in document.Descendants<LinkInline>().ToList()) Defuse(link);
        foreach (var autolink in document.Descendants<AutolinkInline>().ToList())
        {
            var url = autolink.IsEmail ? "mailto:" + autolink.Url : autolink.Url;
            if (LinkPolicy.SafeUrl(url) is null) autolink.ReplaceBy(new LiteralInline(autolink.Url), copyChildren: false);
        }
        var html = document.ToHtml(Pipeline);
        return HtmlAllowlist.Sanitize(html);
    }

    private static void Defuse(LinkInline link)
    {
        if (link.IsImage)
        {
            link.ReplaceBy(new LiteralInline(PlainText(link)), copyChildren: false);
            return;
        }
        if (LinkPolicy.SafeUrl(link.Url) is not null) return;
        // Keep the words of the link, lose the target.
        while (link.FirstChild is { } child)
        {
            child.Remove();
            link.InsertBefore(child);
        }
        link.Remove();
    }

    private static string PlainText(ContainerInline container)
    {
        var text = new System.Text.StringBuilder();
        for (var inline = container.FirstChild; inline is not null; inline = inline.NextSibling)
        {
            if (inline is LiteralInline literal) text.Append(literal.Content.ToString());
            else if (inline is CodeInline code) text.Append(code.Content);
            else if (inline is ContainerInline inner) text.Append(PlainText(inner));
        }
        return text.ToString();
    }
}
