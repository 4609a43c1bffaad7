using ContentStudio.Core.Brands;
using ContentStudio.Core.Campaigns;
using ContentStudio.Core.Channels;
using ContentStudio.Core.Configuration;
using ContentStudio.Core.Llm;
using ContentStudio.Core.Prompts;
using ContentStudio.Core.Segments;
using ContentStudio.Core.Generation;

namespace ContentStudio.Core.Tests.Prompts;

/// <summary>Small template texts and requests the prompt tests share.</summary>
internal static class PromptTestData
{
    public const string FilePath = "prompts/test.prompt.md";

    /// <summary>The repository's prompts/ folder, found from the test's output folder upwards.</summary>
    public static string RepoPromptsFolder => RepoPaths.Resolve("prompts", AppContext.BaseDirectory);

    /// <summary>A valid push template; tests swap pieces of it to make one thing wrong. Line numbers:
    /// 1 '---', 2 name, 3 channel, 4 inputs, 5 brandName, 6 product, 7 offer, 8 output, 9 model, 10 temperature,
    /// 11 max_output_tokens, 12 '---', 13 system open, 14 system text, 15 system close, 16 user open, 17-18 user text, 19 close.</summary>
    public static string Template(
        string inputs = """
          - { name: brandName, type: string, required: true }
          - { name: product, type: string, required: true }
          - { name: offer, type: string, required: false }
        """,
        string output = "output: [title, body]",
        string header = "name: test\nchannel: push",
        string system = "You write for {{brandName}}.",
        string user = "Product:\n{{product}}{{#if offer}} Offer: {{offer}}{{/if}}",
        string extra = "") =>
        $"""
        ---
        {header}
        inputs:
        {inputs.TrimEnd()}
        {output}
        model:
          temperature: 0.5
          max_output_tokens: 300{extra}
        ---
        <message role="system">
        {system}
        </message>
        <message role="user">
        {user}
        </message>

        """;

    public static PromptParseResult Parse(string text) => PromptTemplateParser.Parse(FilePath, text);

    public static Brand Brand() => new()
    {
        Slug = "acme",
        Name = "Acme",
        VoiceAttributes = ["warm", "plain-spoken"],
        PreferredTerms = ["members"],
        BannedTerms = [new TermRule("guaranteed")],
        DeprecatedTerms = [new TermRule("customers", "members")],
        ProductNames = ["AcmeSaver"],
        Claims = [new ApprovedClaim("No monthly fees", "fee schedule 2026")],
        Disclaimers = new Dictionary<ChannelKind, string> { [ChannelKind.Email] = "Terms apply." },
        SmsOptOut = "Reply STOP to opt out.",
        Sections = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Voice"] = "Friendly and clear.", ["Do"] = "Use short sentences.", ["Don't"] = "Don't shout." },
        Examples = ["Saving made simple."],
    };

    public static Segment Segment() => new()
    {
        Key = "young-pros",
        BrandSlug = "acme",
        Name = "Young professionals",
        Description = "First jobs, busy weeks.",
        AgeBand = "25-34",
        LifecycleStage = "prospect",
        Interests = ["travel", "fitness"],
        PainPoints = ["no time to compare accounts"],
        ToneAdjustment = "more energetic",
    };

    public static CampaignBrief Brief() => new()
    {
        Name = "Spring savings",
        BrandSlug = "acme",
        Product = "AcmeSaver account",
        Objective = "Open new savings accounts",
        KeyMessages = ["No monthly fees", "Open in five minutes"],
        Offer = "2% bonus interest for 3 months",
        CallToAction = "Open an account",
        Channels = [ChannelKind.Email],
        VariantsPerSegment = 3,
    };

    public static CompositionRequest Request(ChannelKind channel = ChannelKind.Email, CampaignBrief? brief = null, Segment? segment = null, string? feedback = null) =>
        new(Brand(), segment ?? Segment(), ChannelCatalog.Get(channel), brief ?? Brief(), 1, 42, feedback);
}
