using ContentStudio.Core.Kernel;
using ContentStudio.Web.Components.Shared;

namespace ContentStudio.Web.Tests.Components.Shared;

/// <summary>The template editor's gutter: one number a line, the lines a problem cites marked (error over warning,
/// the message on hover), and new lines numbered as the text grows.</summary>
public sealed class LineGutterTests : BunitContext
{
    private IRenderedComponent<LineGutter> RenderGutter(string text, params SourceError[] problems) => Render<LineGutter>(p => p
        .Add(e => e.Id, "text-gutter")
        .Add(e => e.Text, text)
        .Add(e => e.Problems, problems));

    [Fact]
    public void NumbersEveryLineAndMarksTheLinesProblemsCite()
    {
        var cut = RenderGutter("---\nname: email\n---\n{{#system}}\n",
            new SourceError("email.prompt.md", 2, "unknown key 'nam'"),
            new SourceError("email.prompt.md", 4, "system part is short") { Severity = SourceSeverity.Warning },
            new SourceError("email.prompt.md", 4, "unclosed block"),
            new SourceError("email.prompt.md", 0, "file-level problem"));

        var lines = cut.FindAll("#text-gutter li");
        lines.Select(l => l.TextContent).ShouldBe(["1", "2", "3", "4", "5"]);
        lines.Select(l => l.ClassName ?? "").ShouldBe(["", "error", "", "error", ""]);
        lines[3].GetAttribute("title").ShouldBe("system part is short · unclosed block");
    }

    [Fact]
    public void AWarningAloneMarksItsLineAsAWarning()
    {
        var cut = RenderGutter("a\nb", new SourceError("f", 2, "long line") { Severity = SourceSeverity.Warning });

        cut.FindAll("#text-gutter li")[1].ClassName.ShouldBe("warning");
    }

    [Fact]
    public void NewTextAddsGutterLines()
    {
        var cut = RenderGutter("one");
        cut.FindAll("#text-gutter li").Count.ShouldBe(1);

        cut.Render(p => p.Add(e => e.Text, "one\ntwo\nthree"));

        cut.FindAll("#text-gutter li").Count.ShouldBe(3);
        LineGutter.CountLines("").ShouldBe(1);
        LineGutter.CountLines("a\n").ShouldBe(2);
    }
}
