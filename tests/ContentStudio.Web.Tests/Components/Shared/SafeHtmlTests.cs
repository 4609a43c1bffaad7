using AngleSharp.Dom;
using ContentStudio.Web.Components.Shared;

namespace ContentStudio.Web.Tests.Components.Shared;

/// <summary>SafeHtml is the one place model output becomes markup; whatever the model writes, nothing in it may run,
/// navigate to script or load a remote resource.</summary>
public sealed class SafeHtmlTests : BunitContext
{
    private IRenderedComponent<SafeHtml> RenderModelOutput(string? text) => Render<SafeHtml>(p => p.Add(s => s.Text, text));

    private static IReadOnlyList<IElement> Inside(IRenderedComponent<SafeHtml> cut) =>
        cut.Find("div[data-safe-html]").QuerySelectorAll("*").ToList();

    /// <summary>What would make the output live: script elements, embedded or remote content, handlers, non-web links.</summary>
    private static void ShouldHaveNothingLive(IRenderedComponent<SafeHtml> cut)
    {
        var elements = Inside(cut);
        elements.Select(e => e.LocalName).Intersect(["script", "img", "iframe", "object", "embed", "svg", "style", "form"]).ShouldBeEmpty();
        elements.SelectMany(e => e.Attributes).Select(a => a.Name).ShouldAllBe(n => n == "href" || n == "rel");
        elements.Where(e => e.HasAttribute("href")).Select(e => e.GetAttribute("href")!)
            .ShouldAllBe(h => h.StartsWith("https://") || h.StartsWith("http://") || h.StartsWith("mailto:"));
    }

    [Fact]
    public void AScriptTagIsShownAsTextAndNeverRuns()
    {
        var cut = RenderModelOutput("Great deal <script>alert(document.cookie)</script> today");

        ShouldHaveNothingLive(cut);
        cut.Find("div[data-safe-html]").TextContent.ShouldContain("alert(document.cookie)");
    }

    [Theory]
    [InlineData("[claim your prize](javascript:alert(1))")]
    [InlineData("[claim your prize](JaVaScRiPt:alert(1))")]
    [InlineData("[claim your prize](java&#x09;script:alert(1))")]
    [InlineData("[claim your prize](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)")]
    [InlineData("<a href=\"javascript:alert(1)\">claim your prize</a>")]
    public void AScriptLinkLosesItsTargetAndKeepsItsWords(string markdown)
    {
        var cut = RenderModelOutput(markdown);

        ShouldHaveNothingLive(cut);
        cut.FindAll("a[href]").Select(a => a.GetAttribute("href")).ShouldNotContain(h => h!.Contains("script", StringComparison.OrdinalIgnoreCase));
        cut.Find("div[data-safe-html]").TextContent.ShouldContain("claim your prize");
    }

    [Theory]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("<p onclick=\"alert(1)\">tap</p>")]
    [InlineData("<svg onload=alert(1)></svg>")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe>")]
    public void EventHandlersAndEmbeddedContentStayText(string html)
    {
        var cut = RenderModelOutput(html);

        ShouldHaveNothingLive(cut);
        Inside(cut).Select(e => e.LocalName).ShouldBe(["p"]); // one paragraph of text, nothing else
    }

    [Fact]
    public void ARemoteImageBecomesItsAltText()
    {
        var cut = RenderModelOutput("Hello ![tracking pixel](https://tracker.example/p.gif?u=42)");

        ShouldHaveNothingLive(cut);
        cut.Markup.ShouldNotContain("tracker.example");
        cut.Find("p").TextContent.ShouldBe("Hello tracking pixel");
    }

    [Fact]
    public void MarkdownAndWebLinksStillRender()
    {
        var cut = RenderModelOutput("**Save 20%** at [our shop](https://shop.example/sale) or <mailto:help@shop.example>");

        ShouldHaveNothingLive(cut);
        cut.Find("strong").TextContent.ShouldBe("Save 20%");
        var links = cut.FindAll("a");
        links.Select(a => a.GetAttribute("href")).ShouldBe(["https://shop.example/sale", "mailto:help@shop.example"]);
        links[0].GetAttribute("rel").ShouldBe("nofollow noopener");
    }

    [Fact]
    public void NoTextRendersAnEmptyContainer()
    {
        var cut = RenderModelOutput(null);

        cut.Find("div[data-safe-html]").InnerHtml.ShouldBeEmpty();
    }
}
