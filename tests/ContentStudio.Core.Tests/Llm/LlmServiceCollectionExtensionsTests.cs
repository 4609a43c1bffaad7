using ContentStudio.Testing;
using ContentStudio.Core.Llm;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ContentStudio.Core.Tests.Llm;

public class LlmServiceCollectionExtensionsTests
{
    static ServiceProvider Build(Dictionary<string, string?> settings, IChatClient? offline = null)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(config);
        services.AddLlm(_ => offline ?? new TestChatClient().ThenReply("offline"));
        return services.BuildServiceProvider();
    }

    [Fact]
    public async Task UsesTheOfflineFactoryByDefaultBehindTheMiddleware()
    {
        var offline = new TestChatClient { Metadata = new ChatClientMetadata("offline", null, "composer-v1") }.ThenReply("from offline", 3, 4);
        using var sp = Build([], offline);
        var client = sp.GetRequiredService<IChatClient>();
        (await client.GetResponseAsync("hi")).Text.ShouldBe("from offline");
        client.ShouldBeOfType<OutputTokenCapChatClient>(); // the outermost stage
        sp.GetRequiredService<ILlmUsageRecorder>().Totals.OutputTokens.ShouldBe(4);
        var descriptor = sp.GetRequiredService<ILlmDescriptor>();
        descriptor.ShouldBe(new LlmDescriptor("Offline", "composer-v1"));
        descriptor.IsOffline.ShouldBeTrue();
    }

    [Fact]
    public void BuildsTheOpenAISdkClientForACompatibleServer()
    {
        using var sp = Build(new() { ["Llm:Provider"] = "OpenAICompatible", ["Llm:Endpoint"] = "http://127.0.0.1:1/v1", ["Llm:Model"] = "llama3.2" });
        sp.GetRequiredService<IChatClient>().GetService<OpenAI.Chat.ChatClient>().ShouldNotBeNull();
        sp.GetRequiredService<IChatClient>().GetService<ChatClientMetadata>()!.ProviderUri.ShouldBe(new Uri("http://127.0.0.1:1/v1/"));
        sp.GetRequiredService<ILlmDescriptor>().ShouldBe(new LlmDescriptor("OpenAICompatible", "llama3.2"));
    }

    [Fact]
    public void BindsEveryLimitFromTheSection()
    {
        using var sp = Build(new() { ["Llm:MaxConcurrency"] = "3", ["Llm:AttemptTimeoutSeconds"] = "1.5", ["Llm:MaxRetries"] = "1" });
        var o = sp.GetRequiredService<IOptions<LlmOptions>>().Value;
        (o.MaxConcurrency, o.AttemptTimeoutSeconds, o.MaxRetries).ShouldBe((3, 1.5, 1));
        sp.GetRequiredService<IChatClient>().GetService<ProviderThrottle>()!.MaxConcurrency.ShouldBe(3);
    }

    [Fact]
    public void FailsAtStartWithTheKeyNamed()
    {
        using var sp = Build(new() { ["Llm:Provider"] = "AzureOpenAI", ["Llm:Model"] = "d" });
        var e = Should.Throw<OptionsValidationException>(() => sp.GetRequiredService<IStartupValidator>().Validate());
        e.Message.ShouldContain("Llm:Endpoint is required when Llm:Provider is AzureOpenAI");
        e.Message.ShouldContain("Llm__ApiKey");
    }
}
