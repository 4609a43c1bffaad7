using ContentStudio.Core.Prompts;
using static ContentStudio.Core.Tests.Prompts.PromptTestData;

namespace ContentStudio.Core.Tests.Prompts;

/// <summary>Body checks: message parts, variables against declared inputs, helpers, blocks, Handlebars syntax.
/// In <see cref="PromptTestData.Template"/> the system text is line 14 and the user text lines 17-18.</summary>
public class PromptBodyValidationTests
{
    private const string ListInputs = """
          - { name: brandName, type: string, required: true }
          - { name: product, type: string, required: true }
          - { name: voiceAttributes, type: "string[]", required: true }
          - { name: channelFields, type: object, required: true }
        """;

    private static PromptParseResult User(string user, string? inputs = null) =>
        Parse(inputs is null ? Template(user: user) : Template(inputs: inputs, user: "Product:\n" + user));

    private static void ShouldReport(PromptParseResult result, int line, string message)
    {
        result.Errors.ShouldContain(e => e.Line == line && e.Message.Contains(message) && !e.IsWarning,
            $"expected line {line}: {message}\nactual:\n{string.Join("\n", result.Errors)}");
        result.Template.ShouldBeNull();
    }

    private static void ShouldBeClean(PromptParseResult result)
    {
        result.Errors.Select(e => e.ToString()).ShouldBeEmpty();
        result.Template.ShouldNotBeNull();
    }

    [Fact]
    public void ReportsVariableThatIsNotADeclaredInput() =>
        ShouldReport(Parse(Template(system: "You write for {{brand}}.")), 14, "'{{brand}}' uses 'brand', which is not a declared input");

    [Fact]
    public void ReportsUndeclaredVariableOnItsOwnLineOfTheUserPart() =>
        ShouldReport(User("Product:\n{{product}} {{brandName}} {{#if offer}}{{offer}}{{/if}} {{ofer}}"), 18, "uses 'ofer', which is not a declared input");

    [Fact]
    public void ReportsUndeclaredVariableInsideABlockCondition() =>
        ShouldReport(User("Product:\n{{product}}{{#if discount}}{{offer}}{{/if}}"), 18, "uses 'discount'");

    [Fact]
    public void AcceptsEachWithThisIndexParentAndRootPaths() =>
        ShouldBeClean(User("{{#each voiceAttributes}}{{@index}} {{this}} {{@first}} for {{../brandName}} {{@root.product}}{{/each}}{{#each channelFields}}{{name}}{{/each}}", ListInputs));

    [Fact]
    public void AcceptsBlockParametersOfEach() =>
        ShouldBeClean(User("{{brandName}} {{product}} {{#each voiceAttributes as |voice i|}}{{i}}: {{voice}}{{/each}}{{#each channelFields}}{{name}}{{/each}}", ListInputs));

    [Fact]
    public void AcceptsAnyPropertyOfObjectItemsAndWithBlocks() =>
        ShouldBeClean(User("{{brandName}} {{product}} {{voiceAttributes.length}} {{#each channelFields}}{{name}} {{#if maxLength}}{{maxLength}}{{/if}} {{../product}}{{/each}}{{#with channelFields}}{{this.anything}}{{/with}}{{join voiceAttributes \", \"}}", ListInputs));

    [Fact]
    public void ReportsPropertyLookedUpOnAStringItem() =>
        ShouldReport(User("{{brandName}} {{product}} {{#each voiceAttributes}}{{brandName}}{{/each}}{{#each channelFields}}{{name}}{{/each}}", ListInputs),
            19, "'brandName' inside {{#each voiceAttributes}} (line 19) looks it up on the item, which is a string: write {{this}}, or {{@root.brandName}}");

    [Fact]
    public void ReportsIndexOutsideEach() =>
        ShouldReport(User("Product:\n{{product}} {{@index}} {{#if offer}}{{offer}}{{/if}}"), 18, "'@index' is only set inside {{#each}}");

    [Fact]
    public void ReportsUnknownDataVariable() =>
        ShouldReport(User("Product:\n{{product}} {{@user}} {{#if offer}}{{offer}}{{/if}}"), 18, "unknown data variable '@user'");

    [Fact]
    public void ReportsParentPathAboveTheInputs() =>
        ShouldReport(User("Product:\n{{../product}} {{#if offer}}{{offer}}{{/if}}"), 18, "'../product' climbs above the template's inputs");

    [Fact]
    public void ReportsPropertyOfAStringInput() =>
        ShouldReport(User("Product:\n{{product.name}} {{#if offer}}{{offer}}{{/if}}"), 18, "'product.name': input 'product' is a string and has no property 'name'");

    [Fact]
    public void ReportsEachOverAString() =>
        ShouldReport(User("Product:\n{{#each product}}{{this}}{{/each}} {{#if offer}}{{offer}}{{/if}}"), 18, "{{#each product}} needs a list, but 'product' is a string");

    [Fact]
    public void ReportsUnknownHelper() =>
        ShouldReport(Parse(Template(system: "{{shout brandName}}")), 14, "unknown helper 'shout' in '{{shout brandName}}' (known: eq, join, lookup");

    [Fact]
    public void ReportsUnknownHelperInsideASubexpression() =>
        ShouldReport(Parse(Template(system: "{{#if (gt brandName 3)}}{{brandName}}{{/if}}")), 14, "unknown helper 'gt'");

    [Fact]
    public void ReportsUnknownBlockHelper() =>
        ShouldReport(Parse(Template(system: "{{#repeat brandName}}x{{/repeat}}")), 14, "unknown block helper '#repeat'");

    [Fact]
    public void AcceptsKnownHelpersAndSubexpressions() =>
        ShouldBeClean(Parse(Template(system: "{{#if (eq brandName \"Acme\")}}Hi {{brandName}}{{else if offer}}{{join product \"\"}}{{else}}no{{/if}}")));

    [Fact]
    public void ReportsPartials() =>
        ShouldReport(Parse(Template(system: "{{brandName}} {{> footer}}")), 14, "partials are not supported");

    [Fact]
    public void IgnoresCommentsAndEscapedMustaches() =>
        ShouldBeClean(Parse(Template(system: "{{!-- {{nothing}} here --}}{{! nor {{here}} }}\\{{literal}} {{~brandName~}} {{{brandName}}}")));

    [Fact]
    public void ReportsBlockThatIsNeverClosedAtTheLineItOpens() =>
        ShouldReport(User("{{#if offer}}{{offer}}\n{{product}}"), 17, "{{#if}} opened on line 17 is never closed with {{/if}}");

    [Fact]
    public void ReportsCloseThatDoesNotMatchTheOpenBlock() =>
        ShouldReport(User("Product:\n{{product}} {{#if offer}}{{offer}}{{/each}}"), 18, "{{/each}} does not match {{#if}} opened on line 18");

    [Fact]
    public void ReportsElseOutsideABlock() =>
        ShouldReport(User("Product:\n{{product}} {{else}} {{#if offer}}{{offer}}{{/if}}"), 18, "{{else}} outside a block");

    [Fact]
    public void ReportsMustacheThatIsNeverClosed() =>
        ShouldReport(User("Product:\n{{product}} {{#if offer}}{{offer}}{{/if}} {{brandName"), 18, "is never closed with '}}'");

    [Fact]
    public void ReportsHandlebarsSyntaxErrorsTheCompilerFinds() =>
        ShouldReport(User("Product:\n{{product}}} {{#if offer}}{{offer}}{{/if}}"), 18, "Handlebars syntax error in the user part");

    [Fact]
    public void WarnsAboutDeclaredInputNeverUsedAtItsDeclaration()
    {
        var result = Parse(Template(user: "Product:\n{{product}}"));
        result.Template.ShouldNotBeNull();
        var warning = result.Errors.ShouldHaveSingleItem();
        warning.IsWarning.ShouldBeTrue();
        warning.Line.ShouldBe(7);
        warning.Message.ShouldBe("input 'offer' is declared but never used in the body");
    }

    [Fact]
    public void ReportsMissingSystemPart()
    {
        var text = Template().Replace("<message role=\"system\">\nYou write for {{brandName}}.\n</message>\n", "");
        ShouldReport(Parse(text), 13, "missing system part");
    }

    [Fact]
    public void ReportsMissingUserPart()
    {
        var text = Template().Replace("<message role=\"user\">", "<!-- user -->").Replace("{{product}}{{#if offer}} Offer: {{offer}}{{/if}}\n</message>", "");
        ShouldReport(Parse(text), 13, "missing user part");
    }

    [Fact]
    public void ReportsTextOutsideTheMessageParts() =>
        ShouldReport(Parse(Template() + "Remember to be nice.\n"), 20, "text outside <message> parts is never sent to the model");

    [Fact]
    public void ReportsUnsupportedMessageRole() =>
        ShouldReport(Parse(Template() + "<message role=\"assistant\">ok</message>\n"), 20, "message role 'assistant' is not supported");

    [Fact]
    public void ReportsASecondSystemPart() =>
        ShouldReport(Parse(Template() + "<message role=\"system\">again</message>\n"), 20, "a second <message role=\"system\">");

    [Fact]
    public void ReportsMessageThatIsNeverClosed() =>
        ShouldReport(Parse(Template() + "<message role=\"user\">\nmore\n"), 20, "<message role=\"user\"> is never closed");
}
