using ContentStudio.Core.Publishing.Rendering;

namespace ContentStudio.Core.Tests.Publishing;

/// <summary>Model output can be anything: rendering it never throws, and what is too deep or too
/// long to render as Markdown is shown as its encoded text.</summary>
public sealed class PathologicalMarkdownTests
{
    public static TheoryData<string, string> Pathological() => new()
    {
        { "quotes in quotes", new string('>', 20_000) + " deep" },
        { "nested brackets", new string('[', 20_000) + "x" + new string(']', 20_000) + "(https://x.example)" },
        { "nested lists", string.Join("\n", Enumerable.Range(0, 400).Select(i => new string(' ', i * 2) + "- item")) },
        { "emphasis run", new string('*', 30_000) + "bold" },
        { "too long", string.Concat(Enumerable.Repeat("**Save** [more](https://x.example) ", 5_000)) },
    };

    [Theory]
    [MemberData(nameof(Pathological))]
    public void RendersWithoutThrowingAsEncodedText(string what, string input)
    {
        var html = SafeHtmlRenderer.Render(input + "<script>alert(1)</script>");

        html.ShouldStartWith("<p>", customMessage: what);
        html.ShouldNotContain("<script");
        html.ShouldContain("&lt;script&gt;");
    }

    [Fact]
    public void OrdinaryCopyStillRendersAsMarkdown()
    {
        SafeHtmlRenderer.NestingDepth("> quote\n- a\n  - b\n---\n**bold** [link](https://x.example)").ShouldBeLessThan(SafeHtmlRenderer.MaxNestingDepth);
        SafeHtmlRenderer.Render("> quote\n\n- a\n  - b\n\n----------------------------------------\n\n**bold**").ShouldContain("<blockquote>");
    }
}
