using ContentStudio.Core.Checks;
using ContentStudio.Web.Components.Shared;

namespace ContentStudio.Web.Tests.Components.Shared;

public sealed class HighlightedTextTests : BunitContext
{
    private static Finding At(int start, int length, string text, Severity severity = Severity.Warning, string rule = "brand.voice.exclamation") =>
        new(rule, "brand.voice", severity, "body", start, length, text, $"{rule} at {start}");

    private IRenderedComponent<HighlightedText> RenderText(string text, params Finding[] findings) =>
        Render<HighlightedText>(p => p.Add(h => h.Text, text).Add(h => h.Findings, findings));

    private static string AllText(IRenderedComponent<HighlightedText> cut) => string.Concat(cut.Nodes.Select(n => n.TextContent));

    [Fact]
    public void MarksExactlyTheSpanAFindingPointsAt()
    {
        var cut = RenderText("Buy now!!! Great deal", At(7, 3, "!!!", Severity.Blocker));

        var mark = cut.Find("mark");
        mark.TextContent.ShouldBe("!!!");
        mark.ClassList.ShouldBe(["finding", "bad"], ignoreOrder: true);
        mark.GetAttribute("data-rule").ShouldBe("brand.voice.exclamation");
        mark.GetAttribute("title").ShouldBe("brand.voice.exclamation at 7");
        AllText(cut).ShouldBe("Buy now!!! Great deal");
    }

    [Fact]
    public void MarksSeveralSpansInTextOrderWithTheirOwnSeverity()
    {
        var cut = RenderText("one two three", At(8, 5, "three", Severity.Info), At(0, 3, "one", Severity.Warning));

        cut.FindAll("mark").Select(m => (m.TextContent, m.ClassList.Last())).ShouldBe([("one", "warn"), ("three", "info")]);
        AllText(cut).ShouldBe("one two three");
    }

    [Fact]
    public void OfTwoFindingsAtTheSameStartTheMoreSevereIsMarked()
    {
        var cut = RenderText("guys and gals", At(0, 4, "guys", Severity.Info, "a.info"), At(0, 4, "guys", Severity.Blocker, "b.blocker"));

        cut.FindAll("mark").Select(m => m.GetAttribute("data-rule")).ShouldBe(["b.blocker"]);
        AllText(cut).ShouldBe("guys and gals");
    }

    [Fact]
    public void AnOverlappingLaterSpanIsSkippedAndNoTextIsLostOrRepeated()
    {
        var cut = RenderText("abcdefghij", At(2, 4, "cdef", rule: "first"), At(4, 4, "efgh", rule: "second"));

        cut.FindAll("mark").Select(m => (m.GetAttribute("data-rule"), m.TextContent)).ShouldBe([("first", "cdef")]);
        AllText(cut).ShouldBe("abcdefghij");
    }

    [Theory]
    [InlineData(8, 5)]   // runs past the end (the text changed since the check ran)
    [InlineData(-1, 2)]  // before the start
    [InlineData(20, 1)]  // wholly outside
    [InlineData(3, 0)]   // a finding about the whole field has no span
    public void AFindingOutsideTheTextMarksNothingAndKeepsTheText(int start, int length)
    {
        var cut = RenderText("short text", At(start, length, "x"));

        cut.FindAll("mark").ShouldBeEmpty();
        AllText(cut).ShouldBe("short text");
    }

    [Fact]
    public void TextIsEncodedNeverMarkup()
    {
        const string text = "<b>Win</b> & <script>alert(1)</script> <img src=x onerror=alert(2)>";
        var cut = RenderText(text, At(13, 8, "<script>", Severity.Blocker));

        cut.FindAll("b, script, img").ShouldBeEmpty();
        cut.Find("mark").TextContent.ShouldBe("<script>");
        cut.Markup.ShouldContain("&lt;script&gt;");
        AllText(cut).ShouldBe(text);
    }

    [Fact]
    public void AFindingsMessageIsEncodedInItsTitle()
    {
        var finding = At(0, 3, "Buy") with { Message = "\"><script>alert(1)</script>" };
        var cut = RenderText("Buy now", finding);

        cut.FindAll("script").ShouldBeEmpty();
        cut.Find("mark").GetAttribute("title").ShouldBe("\"><script>alert(1)</script>");
    }
}
