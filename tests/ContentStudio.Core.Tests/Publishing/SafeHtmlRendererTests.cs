using System.Text.Json;
using ContentStudio.Core.Generation;
using ContentStudio.Core.Publishing;
using ContentStudio.Core.Publishing.Delivery;
using ContentStudio.Core.Publishing.Rendering;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Core.Tests.Publishing;

public class SafeHtmlRendererTests
{
    private static readonly IReadOnlyList<string> Corpus = XssCorpus.Load();

    [Fact]
    public void CorpusHoldsAtLeastSixtyPayloads() => Corpus.Count.ShouldBeGreaterThanOrEqualTo(60);

    [Fact]
    public void NoPayloadOfTheCorpusLeavesALiveVectorInTheRenderedHtml()
    {
        var failures = Corpus.Select(p => (p, problems: LiveVectors.Find(SafeHtmlRenderer.Render(p))))
            .Where(x => x.problems.Count > 0).Select(x => $"{x.p} → {string.Join(", ", x.problems)}").ToList();
        failures.ShouldBeEmpty();
    }

    [Fact]
    public void NoPayloadOfTheCorpusLeavesALiveVectorInTheWebhookHtmlField()
    {
        var failures = new List<string>();
        foreach (var payload in Corpus)
        {
            var json = PublicationPayload.For(Guid.NewGuid(), VariantWith(payload), Approval).ToJson();
            var html = JsonDocument.Parse(json).RootElement.GetProperty("html").GetString()!;
            if (LiveVectors.Find(html) is { Count: > 0 } problems) failures.Add($"{payload} → {string.Join(", ", problems)}");
        }
        failures.ShouldBeEmpty();
    }

    [Fact]
    public async Task NoPayloadOfTheCorpusLeavesALiveVectorInTheExportedHtmlFile()
    {
        var root = Path.Combine(Path.GetTempPath(), "cs-xss-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var failures = new List<string>();
            foreach (var payload in Corpus)
            {
                var publication = PublicationPayload.For(Guid.NewGuid(), VariantWith(payload), Approval);
                var folder = await FileExporter.ExportAsync(root, publication, CancellationToken.None);
                var html = await File.ReadAllTextAsync(Path.Combine(folder, publication.FileStem + ".html"));
                if (LiveVectors.Find(html) is { Count: > 0 } problems) failures.Add($"{payload} → {string.Join(", ", problems)}");
            }
            failures.ShouldBeEmpty();
        }
        finally { Directory.Delete(root, recursive: true); }
    }

    [Fact]
    public void TheJudgeSpotsLiveVectorsInUnsanitisedHtml()
    {
        // Guards the guard: if LiveVectors stopped seeing anything, the corpus tests above would pass vacuously.
        LiveVectors.Find("<img src=x onerror=alert(1)>").ShouldNotBeEmpty();
        LiveVectors.Find("<a href=\"jav&#x61;script:alert(1)\">x</a>").ShouldNotBeEmpty();
        LiveVectors.Find("<p style=\"color:red\">x</p>").ShouldNotBeEmpty();
        LiveVectors.Find(Markdig.Markdown.ToHtml("[x](javascript:alert(1))")).ShouldNotBeEmpty();
    }

    [Fact]
    public void KeepsSafeLinksAndMarksThemNofollowNoopener()
    {
        var html = SafeHtmlRenderer.Render("See [our rates](https://lumen.example/rates?a=1&b=2) or <https://lumen.example>.");
        html.ShouldContain("<a href=\"https://lumen.example/rates?a=1&amp;b=2\" rel=\"nofollow noopener\">our rates</a>");
        html.ShouldContain("<a href=\"https://lumen.example/\" rel=\"nofollow noopener\">https://lumen.example</a>");
    }

    [Fact]
    public void KeepsMailtoLinks() =>
        SafeHtmlRenderer.Render("[write](mailto:help@lumen.example)")
            .ShouldBe("<p><a href=\"mailto:help@lumen.example\" rel=\"nofollow noopener\">write</a></p>\n");

    [Theory]
    [InlineData("[click](javascript:alert(1))", "<p>click</p>\n")]
    [InlineData("[rates](/rates)", "<p>rates</p>\n")]
    [InlineData("[x](jav&#x61;script:alert(1))", "<p>x</p>\n")]
    public void DisarmedLinksKeepTheirWords(string markdown, string expected) => SafeHtmlRenderer.Render(markdown).ShouldBe(expected);

    [Fact]
    public void ImagesBecomeTheirAltText() =>
        SafeHtmlRenderer.Render("Look: ![a happy saver](https://cdn.example/saver.png)").ShouldBe("<p>Look: a happy saver</p>\n");

    [Fact]
    public void RawHtmlIsShownAsTextNotMarkup() =>
        SafeHtmlRenderer.Render("<b>hi</b>").ShouldBe("<p>&lt;b&gt;hi&lt;/b&gt;</p>\n");

    [Fact]
    public void KeepsTheAllowedFormatting()
    {
        var html = SafeHtmlRenderer.Render("# Title\n\n**Save** *more*\n\n- one\n- two\n\n> quote\n\n`code`");
        foreach (var tag in new[] { "<h1>", "<strong>", "<em>", "<ul>", "<li>", "<blockquote>", "<code>" }) html.ShouldContain(tag);
    }

    [Fact]
    public void SanitizerRemovesTargetAndUnknownAttributesFromRawLinks() =>
        HtmlAllowlist.Sanitize("<a href=\"https://ok.example\" target=\"_blank\" class=\"x\" onclick=\"y\">ok</a>")
            .ShouldBe("<a href=\"https://ok.example/\" rel=\"nofollow noopener\">ok</a>");

    internal static readonly ApprovalEvidence Approval = new("brand.manager@example.com", new DateTime(2026, 11, 29, 9, 0, 0, DateTimeKind.Utc), "");

    internal static Variant VariantWith(string body)
    {
        var fields = new Dictionary<string, string> { ["subject"] = "Spring <savings>", ["body"] = body };
        return new Variant
        {
            CampaignId = Guid.NewGuid(), SegmentKey = "retirees", Channel = ContentStudio.Core.Channels.ChannelKind.Email, VariantIndex = 1,
            FieldsJson = VariantFields.CanonicalJson(fields), ContentHash = VariantFields.Hash(fields),
            ReviewState = ReviewState.Approved, TemplateName = "email", TemplateVersion = "3", Provider = "Offline", Model = "offline",
        };
    }
}
