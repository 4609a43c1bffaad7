using ContentStudio.Core.Channels;
using ContentStudio.Core.Generation;
using ContentStudio.Core.Generation.Offline;
using ContentStudio.Core.Prompts;
using ContentStudio.Core.Tests.Brands;
using Shouldly;
using Xunit;
using static ContentStudio.Core.Tests.Generation.Offline.OfflineFixtures;

namespace ContentStudio.Core.Tests.Generation.Offline;

/// <summary>A template's <c>style:</c> front matter is parsed, checked, and changes what the offline composer writes.</summary>
public sealed class TemplateStyleTests
{
    private static string EmailTemplate(string style)
    {
        var path = Path.Combine(Path.GetDirectoryName(SampleContent.BrandGuidesFolder)!, "prompts", "email.prompt.md");
        var text = File.ReadAllText(path);
        return text.Replace("\nmodel:", "\n" + style + "model:");
    }

    [Fact]
    public void TheStyleKeysAreParsed()
    {
        var result = PromptTemplateParser.Parse("email.prompt.md", EmailTemplate(
            "style:\n  angles: [problem, offer]\n  tone: formal\n  opening: statement\n  length: short\n  structure: [offer, lead]\n"));
        result.Errors.Where(e => !e.IsWarning).ShouldBeEmpty();
        var style = result.Template!.Style;
        style.Angles.ShouldBe(["problem", "offer"]);
        (style.Tone, style.Opening, style.Length).ShouldBe((PromptTone.Formal, PromptOpening.Statement, PromptLength.Short));
        style.Structure.ShouldBe(["offer", "lead"]);
        style.Instructions().Count.ShouldBe(5);
    }

    [Fact]
    public void AnUnknownStyleValueIsAnErrorNamingTheLineAndTheAllowedValues()
    {
        var result = PromptTemplateParser.Parse("email.prompt.md", EmailTemplate("style:\n  angles: [problem, testimonial]\n  tone: shouty\n"));
        result.Succeeded.ShouldBeFalse();
        result.Errors.ShouldContain(e => e.Message.Contains("unknown angle 'testimonial'") && e.Line > 1);
        result.Errors.ShouldContain(e => e.Message.Contains("tone must be one of formal, neutral, casual"));
    }

    [Fact]
    public void DeclaredAnglesOpeningAndLengthChangeTheOfflineCopy()
    {
        var style = new PromptStyle(["problem"], Opening: PromptOpening.Statement, Length: PromptLength.Short);
        for (var v = 0; v < 5; v++)
        {
            var plain = new CompositionRequest(FreshFork, FreshForkSegments[0], ChannelCatalog.Email, FreshForkLaunch, v, 42);
            var styled = plain with { Style = style };
            OfflineComposer.AngleFor(styled).ShouldBe(Angle.ProblemLed, $"v{v}");
            var (before, after) = (Write(plain), Write(styled));
            after.ShouldNotBe(before);
            after["body"].Length.ShouldBeLessThan(before["body"].Length, $"v{v}");
        }
        // A statement opening: no variant's subject or first sentence is a question.
        var noQuestion = new PromptStyle([], Opening: PromptOpening.Statement);
        for (var v = 0; v < 8; v++)
        {
            var fields = Write(new CompositionRequest(FreshFork, FreshForkSegments[1], ChannelCatalog.Email, FreshForkLaunch, v, 42, Style: noQuestion));
            fields["subject"].ShouldNotEndWith("?", customMessage: $"v{v}");
        }
    }

    [Fact]
    public void DropTheQuestionOpenerFeedbackLeavesNoQuestionFirstAndMentionMovesAKeyMessageUp()
    {
        for (var v = 0; v < 8; v++)
        {
            var fields = Write(Request(ChannelCatalog.Email, v, "Please drop the question opener."));
            fields["subject"].ShouldNotEndWith("?", customMessage: $"v{v}");
            var first = fields["body"].Split("\n\n")[1];
            first.Split(['.', '!'])[0].ShouldNotContain("?", customMessage: $"v{v}: {first}");
        }
        // "Mention X" where X is a key message: that message is said in the opening paragraph.
        for (var v = 0; v < 5; v++)
        {
            var fields = Write(Request(ChannelCatalog.Email, v, "Mention that you can skip or pause a week."));
            fields["body"].Split("\n\n").Take(3).Any(p => p.Contains("skip or pause a week", StringComparison.OrdinalIgnoreCase))
                .ShouldBeTrue($"v{v}: {fields["body"]}");
        }
    }
}
