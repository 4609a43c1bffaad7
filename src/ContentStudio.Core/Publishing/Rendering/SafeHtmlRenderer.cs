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

    public static string Render(string markdownOrText)
    {
        if (string.IsNullOrEmpty(markdownOrText)) return "";
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
