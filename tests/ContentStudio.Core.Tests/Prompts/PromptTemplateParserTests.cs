using System.Security.Cryptography;
using System.Text;
using ContentStudio.Core.Channels;
using ContentStudio.Core.Prompts;
using static ContentStudio.Core.Tests.Prompts.PromptTestData;

namespace ContentStudio.Core.Tests.Prompts;

/// <summary>Front-matter checks: each bad setting is reported with its file line.</summary>
public class PromptTemplateParserTests
{
    private static void ShouldReport(PromptParseResult result, int line, string message)
    {
        result.Errors.ShouldContain(e => e.Line == line && e.Message.Contains(message) && e.File == FilePath,
            $"expected line {line}: {message}\nactual:\n{string.Join("\n", result.Errors)}");
        result.Template.ShouldBeNull();
    }

    [Fact]
    public void ParsesAValidTemplate()
    {
        var text = Template();
        var result = Parse(text);

        result.Errors.ShouldBeEmpty();
        var t = result.Template.ShouldNotBeNull();
        t.Name.ShouldBe("test");
        t.Channel.ShouldBe(ChannelKind.Push);
        t.Inputs.ShouldBe([new PromptInput("brandName", "string", true), new PromptInput("product", "string", true), new PromptInput("offer", "string", false)]);
        t.OutputFields.ShouldBe(["title", "body"]);
        t.Temperature.ShouldBe(0.5);
        t.MaxOutputTokens.ShouldBe(300);
        t.SystemTemplate.ShouldBe("You write for {{brandName}}.");
        t.UserTemplate.ShouldBe("Product:\n{{product}}{{#if offer}} Offer: {{offer}}{{/if}}");
        t.SourcePath.ShouldBe(FilePath);
        t.ContentHash.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))));
        t.Version.ShouldBe(t.ContentHash[..12]);
    }

    [Fact]
    public void ReadsInputsWrittenAsBlockMappingsAndDefaultsToRequiredString()
    {
        var result = Parse(Template(
            inputs: "  - name: brandName\n  - name: product\n    type: string\n  - name: offer\n    required: false\n  - name: voiceAttributes\n    type: string[]\n",
            system: "You write for {{brandName}}, {{join voiceAttributes \", \"}}."));
        result.Errors.ShouldBeEmpty();
        result.Template!.Inputs.ShouldBe([new PromptInput("brandName", "string", true), new PromptInput("product", "string", true),
            new PromptInput("offer", "string", false), new PromptInput("voiceAttributes", "string[]", true)]);
    }

    [Fact]
    public void RejectsFileWithoutFrontMatter() =>
        ShouldReport(Parse("<message role=\"system\">x</message>"), 1, "must start with YAML front matter");

    [Fact]
    public void RejectsFrontMatterThatIsNeverClosed() =>
        ShouldReport(Parse("---\nname: test\nchannel: push\n"), 1, "never closed with a '---' line");

    [Fact]
    public void ReportsInvalidYamlOnItsLine() =>
        ShouldReport(Parse(Template(header: "name: test\n  channel: push")), 3, "invalid YAML");

    [Fact]
    public void InvalidYamlIsOneErrorNotACascadeOfUndeclaredVariables() =>
        Parse(Template(header: "name: test\n  channel: push")).Errors.ShouldHaveSingleItem().Message.ShouldStartWith("invalid YAML");

    [Fact]
    public void ReportsDuplicateKeysAsInvalidYaml() =>
        ShouldReport(Parse(Template(header: "name: test\nchannel: push\nname: again")), 4, "Duplicate key");

    [Fact]
    public void ReportsUnknownFrontMatterKey() =>
        ShouldReport(Parse(Template(header: "name: test\nchannel: push\nversion: 2")), 4, "unknown front-matter key 'version'");

    [Fact]
    public void ReportsMissingName() =>
        ShouldReport(Parse(Template(header: "channel: push")), 1, "missing 'name'");

    [Fact]
    public void ReportsNameThatIsNotKebabCase() =>
        ShouldReport(Parse(Template(header: "name: My Template\nchannel: push")), 2, "must be lower-case letters, digits and '-'");

    [Fact]
    public void ReportsMissingChannel() =>
        ShouldReport(Parse(Template(header: "name: test")), 1, "missing 'channel'");

    [Fact]
    public void ReportsUnknownChannel() =>
        ShouldReport(Parse(Template(header: "name: test\nchannel: fax")), 3, "unknown channel 'fax' (known: email, sms, ad, social, landing-hero, push)");

    [Fact]
    public void ReportsInputWithBadType() =>
        ShouldReport(Parse(Template(inputs: "  - { name: brandName, type: int }\n  - { name: product }\n  - { name: offer, required: false }")),
            5, "input 'brandName' has type 'int': use one of string, string[], number, object");

    [Fact]
    public void ReportsInputWithUnknownKey() =>
        ShouldReport(Parse(Template(inputs: "  - { name: brandName, default: Acme }\n  - { name: product }\n  - { name: offer, required: false }")),
            5, "unknown input key 'default'");

    [Fact]
    public void ReportsRequiredThatIsNotABoolean() =>
        ShouldReport(Parse(Template(inputs: "  - { name: brandName, required: yes please }\n  - { name: product }\n  - { name: offer, required: false }")),
            5, "'required' must be true or false");

    [Fact]
    public void ReportsInputTheRendererDoesNotSupply() =>
        ShouldReport(Parse(Template(inputs: "  - { name: brandName }\n  - { name: product }\n  - { name: offer, required: false }\n  - { name: mood }")),
            8, "input 'mood' is not one the renderer supplies");

    [Fact]
    public void ReportsInputDeclaredWithAnotherTypeThanTheRendererSupplies() =>
        ShouldReport(Parse(Template(inputs: "  - { name: brandName, type: number }\n  - { name: product }\n  - { name: offer, required: false }")),
            5, "input 'brandName' is a string, not a number");

    [Fact]
    public void ReportsInputDeclaredTwice() =>
        ShouldReport(Parse(Template(inputs: "  - { name: brandName }\n  - { name: product }\n  - { name: offer, required: false }\n  - { name: product }")),
            8, "input 'product' is declared twice");

    [Fact]
    public void ReportsOutputFieldTheChannelDoesNotHave() =>
        ShouldReport(Parse(Template(output: "output: [title, body, subject]")), 8, "output field 'subject' is not a field of channel 'push' (its fields: title, body)");

    [Fact]
    public void ReportsOutputMissingARequiredChannelField() =>
        ShouldReport(Parse(Template(output: "output: [title]")), 8, "output is missing 'body', which channel 'push' requires");

    [Fact]
    public void ReportsOutputFieldSpelledWithOtherCapitals() =>
        ShouldReport(Parse(Template(output: "output: [Title, body]")), 8, "output field 'Title' must be spelled 'title'");

    [Fact]
    public void ReportsMissingOutput() =>
        ShouldReport(Parse(Template(output: "")), 1, "missing 'output'");

    [Fact]
    public void AcceptsOptionalChannelFieldsLeftOut()
    {
        var result = Parse(Template(header: "name: test\nchannel: social", output: "output: [post]"));
        result.Errors.ShouldBeEmpty();
    }

    [Fact]
    public void ReportsTemperatureOutOfRange() =>
        ShouldReport(Parse(Template().Replace("temperature: 0.5", "temperature: 5")), 10, "temperature must be a number from 0 to 2, not '5'");

    [Fact]
    public void ReportsMaxOutputTokensThatIsNotAWholeNumber() =>
        ShouldReport(Parse(Template().Replace("max_output_tokens: 300", "max_output_tokens: lots")), 11, "max_output_tokens must be a whole number");

    [Fact]
    public void ReportsUnknownModelKey() =>
        ShouldReport(Parse(Template(extra: "\n  top_p: 0.9")), 12, "unknown model key 'top_p'");

    [Fact]
    public void ReportsTemplateFormatOtherThanHandlebars() =>
        ShouldReport(Parse(Template(header: "name: test\nchannel: push\ntemplate_format: liquid")), 4, "template_format 'liquid' is not supported");

    [Fact]
    public void WarnsWhenNameDiffersFromFileNameButStillLoads()
    {
        var result = PromptTemplateParser.Parse("prompts/other.prompt.md", Template());
        result.Template.ShouldNotBeNull();
        var warning = result.Errors.ShouldHaveSingleItem();
        warning.IsWarning.ShouldBeTrue();
        warning.Line.ShouldBe(2);
        warning.ToString().ShouldBe("prompts/other.prompt.md:2: warning: name 'test' differs from the file name 'other.prompt.md'");
    }

    [Fact]
    public void AcceptsWindowsLineEndingsAndAByteOrderMark()
    {
        var result = Parse("\uFEFF" + Template().Replace("\n", "\r\n"));
        result.Errors.ShouldBeEmpty();
        result.Template!.UserTemplate.ShouldNotContain("\r");
    }
}
