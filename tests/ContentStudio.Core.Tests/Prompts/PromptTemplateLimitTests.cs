using ContentStudio.Core.Prompts;

namespace ContentStudio.Core.Tests.Prompts;

/// <summary>Every saved template version is kept for good and read on every generation, so its size is bounded.</summary>
public class PromptTemplateLimitTests
{
    /// <summary>The test template with its user message padded to exactly <paramref name="length"/> characters.</summary>
    internal static string TemplateOf(int length, string header = "name: test\nchannel: push")
    {
        const string user = "Product:\n{{product}}{{#if offer}} Offer: {{offer}}{{/if}}\n";
        var shortest = PromptTestData.Template(header: header, user: user);
        return PromptTestData.Template(header: header, user: user + new string('a', length - shortest.Length));
    }

    [Fact]
    public void ATemplateAtTheLimitParses()
    {
        var result = PromptTestData.Parse(TemplateOf(PromptTemplateParser.MaxFileLength));
        result.Errors.ShouldBeEmpty();
        result.Succeeded.ShouldBeTrue();
    }

    [Fact]
    public void ATemplateOverTheLimitIsRefusedNamingTheLimit()
    {
        var result = PromptTestData.Parse(TemplateOf(PromptTemplateParser.MaxFileLength + 1));
        result.Succeeded.ShouldBeFalse();
        result.Errors.Single().Message.ShouldBe("the template is 131,073 characters; the limit is 131,072");
    }
}
