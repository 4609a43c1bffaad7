using ContentStudio.Core.Channels;
using ContentStudio.Core.Prompts;

namespace ContentStudio.Core.Tests.Prompts;

/// <summary>The templates in the repository's prompts/ folder: one per channel, all valid, all renderable.</summary>
public class ShippedPromptTests
{
    private static readonly PromptCatalog Catalog = new(PromptTestData.RepoPromptsFolder);

    [Fact]
    public void ShippedTemplatesLoadWithoutErrorsOrWarnings()
    {
        Catalog.Errors.Select(e => e.ToString()).ShouldBeEmpty();
        Catalog.Templates.Select(t => t.Name).ShouldBe(["ad", "email", "landing-hero", "push", "sms", "social"]);
    }

    [Theory]
    [InlineData(ChannelKind.Email)]
    [InlineData(ChannelKind.Sms)]
    [InlineData(ChannelKind.Ad)]
    [InlineData(ChannelKind.Social)]
    [InlineData(ChannelKind.LandingHero)]
    [InlineData(ChannelKind.Push)]
    public void EveryChannelHasATemplateThatRendersTheBriefFenced(ChannelKind channel)
    {
        var template = Catalog.ForChannel(channel).ShouldNotBeNull();
        template.Channel.ShouldBe(channel);
        template.ContentHash.Length.ShouldBe(64);

        var prompt = new PromptRenderer().Render(template, PromptTestData.Request(channel));

        prompt.User.ShouldContain("<<<untrusted:brief.offer>>>\n2% bonus interest for 3 months\n<<<end:brief.offer>>>");
        prompt.User.ShouldContain("<<<untrusted:segment.name>>>\nYoung professionals\n<<<end:segment.name>>>");
        prompt.System.ShouldContain("Return ONLY one JSON object");
        foreach (var field in template.OutputFields) prompt.System.ShouldContain($"\"{field}\":");
        prompt.System.ShouldNotContain("{{");
        prompt.User.ShouldNotContain("{{");
    }

    [Fact]
    public void SmsTemplateStatesTheOptOutAndSegmentLimit()
    {
        var prompt = new PromptRenderer().Render(Catalog.ForChannel(ChannelKind.Sms)!, PromptTestData.Request(ChannelKind.Sms));
        prompt.System.ShouldContain("word for word, and count it in the limit: \"Reply STOP to opt out.\"");
        prompt.System.ShouldContain("within 2 SMS segments");
    }

    [Fact]
    public void EmailTemplateRequiresTheChannelDisclaimerAndStatesLimits()
    {
        var prompt = new PromptRenderer().Render(Catalog.ForChannel(ChannelKind.Email)!, PromptTestData.Request(ChannelKind.Email));
        prompt.System.ShouldContain("word for word: \"Terms apply.\"");
        prompt.System.ShouldContain("- \"subject\" (Subject line): what makes the reader open; at most 60 characters; required.");
        prompt.System.ShouldContain("Never use these terms, in any form: guaranteed.");
    }

    private static string Readme => File.ReadAllText(Path.Combine(PromptTestData.RepoPromptsFolder, "README.md"));

    [Fact]
    public void ReadmeListsEveryInputTheRendererSupplies()
    {
        foreach (var input in PromptInputCatalog.Known)
            Readme.ShouldContain($"| `{input.Name}` | {input.Type} |");
    }

    [Fact]
    public void ReadmeExampleIsAValidTemplate()
    {
        var example = Readme.Split("```")[1].TrimStart('\n');
        var result = PromptTemplateParser.Parse("prompts/push.prompt.md", example);
        result.Errors.Select(e => e.ToString()).ShouldBeEmpty();
        result.Template!.OutputFields.ShouldBe(["title", "body"]);
    }
}
