using ContentStudio.Testing;
using ContentStudio.Core.Brands;
using ContentStudio.Core.Campaigns;
using ContentStudio.Core.Channels;
using ContentStudio.Core.Llm;
using ContentStudio.Core.Prompts;
using ContentStudio.Core.Segments;
using ContentStudio.Integration.Tests.Infrastructure;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ContentStudio.Core.Kernel;
using ContentStudio.Core.Generation;

namespace ContentStudio.Integration.Tests.Llm;

/// <summary>A trivial catalog and renderer (the real ones belong to the Prompts feature), the real AddLlm wiring and the generator
/// pointed at a <see cref="FakeOpenAiServer"/>, with timeouts small enough for a fast suite.</summary>
internal static class LlmTestKit
{
    /// <summary>The timing-sensitive LLM tests run one class at a time, so they do not starve each other of CPU.</summary>
    public const string Collection = "llm-fake-server";

    public const string GoodAd = """{"headline": "Solar that pays", "description": "Cut your bill from month one."}""";

    sealed class Catalog : IPromptCatalog
    {
        public IReadOnlyList<PromptTemplate> Templates { get; } = [AdTemplate];
        public IReadOnlyList<SourceError> Errors => [];
        public PromptTemplate? ForChannel(ChannelKind channel) => Templates.FirstOrDefault(t => t.Channel == channel);
    }

    sealed class Renderer : IPromptRenderer
    {
        public RenderedPrompt Render(PromptTemplate template, CompositionRequest request) =>
            new(template.SystemTemplate, template.UserTemplate + " " + request.Brief.Product, "prompt-hash");
    }

    public static readonly PromptTemplate AdTemplate = new()
    {
        Name = "ad", Channel = ChannelKind.Ad, Temperature = 0.3, MaxOutputTokens = 200,
        SystemTemplate = "You write ads. Reply with JSON.", UserTemplate = "Write an ad for", SourcePath = "prompts/ad.prompt.md",
        ContentHash = "abcdef0123456789",
    };

    public static CompositionRequest Request(int seed = 7) => new(
        new Brand { Slug = "sunco", Name = "SunCo" },
        new Segment { Key = "homeowners", BrandSlug = "sunco", Name = "Homeowners" },
        ChannelCatalog.Ad, new CampaignBrief { Product = "SunCo Panels" }, VariantIndex: 1, Seed: seed);

    public static ServiceProvider Services(FakeOpenAiServer server, Dictionary<string, string?>? overrides = null, Action<IServiceCollection>? add = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Llm:Provider"] = "OpenAICompatible",
            ["Llm:Endpoint"] = server.BaseUri.ToString(),
            ["Llm:Model"] = "fake-model",
            ["Llm:AttemptTimeoutSeconds"] = "3" /* roomy: a cold first call on a busy CI machine must not time out */,
            ["Llm:TotalTimeoutSeconds"] = "5",
            ["Llm:MaxRetries"] = "3",
            ["Llm:RetryBaseDelayMilliseconds"] = "20",
            ["Llm:CircuitBreakerMinimumThroughput"] = "100",
        };
        foreach (var (k, v) in overrides ?? []) settings[k] = v;
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .AddSingleton<IPromptCatalog, Catalog>()
            .AddSingleton<IPromptRenderer, Renderer>();
        services.AddLlm(_ => throw new InvalidOperationException("these tests use the OpenAI-compatible provider"));
        services.AddSingleton<IVariantGenerator, VariantGenerator>(); // Generation's, as AddGeneration registers it
        add?.Invoke(services);
        var sp = services.BuildServiceProvider(validateScopes: true);
        sp.GetRequiredService<Microsoft.Extensions.Options.IStartupValidator>().Validate();
        return sp;
    }

    public static IChatClient Client(this ServiceProvider sp) => sp.GetRequiredService<IChatClient>();

    /// <summary>The configured provider's client with only the error stage next to it (no retries, no throttle).</summary>
    public static IChatClient ProviderClient(LlmOptions options, Azure.Core.TokenCredential? credential = null) =>
        new ChatClientBuilder(ModelProviders.Create(options, credential)).UseProviderErrors(new SecretRedactor([options.ApiKey])).Build();
}
