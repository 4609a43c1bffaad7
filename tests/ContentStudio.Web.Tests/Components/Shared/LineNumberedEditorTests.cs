using ContentStudio.Core.Kernel;
using ContentStudio.Web.Components.Shared;

namespace ContentStudio.Web.Tests.Components.Shared;

/// <summary>The template editor's gutter: one number a line, the lines a problem cites marked (error over warning,
/// the message on hover), and typing reports the new text and grows the rows.</summary>
public sealed class LineNumberedEditorTests : BunitContext
{
    private string? _reported;

    private IRenderedComponent<LineNumberedEditor> RenderEditor(string text, params SourceError[] problems) => Render<LineNumberedEditor>(p => p
        .Add(e => e.Id, "text")
        .Add(e => e.Text, text)
        .Add(e => e.Problems, problems)
        .Add(e => e.TextChanged, (string t) => _reported = t));

    [Fact]
    public void NumbersEveryLineAndMarksTheLinesProblemsCite()
    {
        var cut = RenderEditor("---\nname: email\n---\n{{#system}}\n",
            new SourceError("email.prompt.md", 2, "unknown key 'nam'"),
            new SourceError("email.prompt.md", 4, "system part is short") { Severity = SourceSeverity.Warning },
            new SourceError("email.prompt.md", 4, "unclosed block"),
            new SourceError("email.prompt.md", 0, "file-level problem"));

        var lines = cut.FindAll("#text-gutter li");
        lines.Select(l => l.TextContent).ShouldBe(["1", "2", "3", "4", "5"]);
        lines.Select(l => l.ClassName ?? "").ShouldBe(["", "error", "", "error", ""]);
        lines[3].GetAttribute("title").ShouldBe("system part is short · unclosed block");
        cut.Find("textarea#text").GetAttribute("rows").ShouldBe("6");
    }

    [Fact]
    public void AWarningAloneMarksItsLineAsAWarning()
    {
        var cut = RenderEditor("a\nb", new SourceError("f", 2, "long line") { Severity = SourceSeverity.Warning });

        cut.FindAll("#text-gutter li")[1].ClassName.ShouldBe("warning");
    }

    [Fact]
    public void TypingReportsTheTextAndAddsGutterLines()
    {
        var cut = RenderEditor("one");
        cut.FindAll("#text-gutter li").Count.ShouldBe(1);

        cut.Find("textarea#text").Input("one\ntwo\nthree");

        _reported.ShouldBe("one\ntwo\nthree");
        cut.FindAll("#text-gutter li").Count.ShouldBe(3);
        LineNumberedEditor.CountLines("").ShouldBe(1);
        LineNumberedEditor.CountLines("a\n").ShouldBe(2);
    }
}
