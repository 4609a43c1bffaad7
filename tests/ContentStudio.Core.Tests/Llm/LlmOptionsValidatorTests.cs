using ContentStudio.Core.Llm;
using Microsoft.Extensions.Configuration;

namespace ContentStudio.Core.Tests.Llm;

public class LlmOptionsValidatorTests
{
    static IReadOnlyList<string> Errors(LlmOptions o, IConfiguration? config = null) =>
        new LlmOptionsValidator(config).Validate(null, o).Failures?.ToList() ?? [];

    [Fact]
    public void AcceptsTheOfflineDefault() => Errors(new LlmOptions()).ShouldBeEmpty();

    [Fact]
    public void AsksForTheAzureResourceEndpointByName() =>
        Errors(new LlmOptions { Provider = LlmProvider.AzureOpenAI, ApiKey = "k", Model = "gpt-4o" })
            .ShouldBe(["Llm:Endpoint is required when Llm:Provider is AzureOpenAI (the resource, e.g. https://<resource>.openai.azure.com/)"]);

    [Fact]
    public void AcceptsAnAzureResourceWithAKeyOrWithEntraIdAndNoKey()
    {
        Errors(new LlmOptions { Provider = LlmProvider.AzureOpenAI, ApiKey = "k", Model = "d", Endpoint = "https://x.openai.azure.com/" }).ShouldBeEmpty();
        Errors(new LlmOptions { Provider = LlmProvider.AzureOpenAI, Authentication = LlmAuthentication.EntraId, Model = "d", Endpoint = "https://x.openai.azure.com/" })
            .ShouldBeEmpty();
    }

    [Fact]
    public void RejectsAnAzureEndpointWithThePathTheClientAddsItself() =>
        Errors(new LlmOptions { Provider = LlmProvider.AzureOpenAI, ApiKey = "k", Model = "d", Endpoint = "https://x.openai.azure.com/openai/v1/" })
            .Single().ShouldContain("is the resource URL without a path");

    [Fact]
    public void RejectsAKeyBesideEntraIdAndEntraIdOutsideAzure()
    {
        Errors(new LlmOptions { Provider = LlmProvider.AzureOpenAI, Authentication = LlmAuthentication.EntraId, ApiKey = "k", Model = "d", Endpoint = "https://x.openai.azure.com/" })
            .Single().ShouldContain("Llm:ApiKey is set but Llm:Authentication is EntraId");
        Errors(new LlmOptions { Provider = LlmProvider.OpenAI, Authentication = LlmAuthentication.EntraId, ApiKey = "k", Model = "m" })
            .Single().ShouldContain("Llm:Authentication EntraId works only with Llm:Provider AzureOpenAI");
    }

    [Fact]
    public void NamesTheApiVersionsItKnowsWhenGivenAnother()
    {
        var error = Errors(new LlmOptions { Provider = LlmProvider.AzureOpenAI, ApiKey = "k", Model = "d", Endpoint = "https://x.openai.azure.com/", ApiVersion = "2023-05-15" })
            .Single();
        error.ShouldContain("Llm:ApiVersion '2023-05-15'");
        error.ShouldContain("2024-10-21");
        error.ShouldContain("2025-04-01-preview");
    }

    [Fact]
    public void AsksForTheOpenAIKeyThroughTheEnvironmentVariable() =>
        Errors(new LlmOptions { Provider = LlmProvider.OpenAI, Model = "gpt-4o-mini" })
            .ShouldBe(["Llm:ApiKey is required for OpenAI: set the environment variable Llm__ApiKey (or use user-secrets)"]);

    [Fact]
    public void LetsACompatibleServerRunWithoutAKeyButNotWithoutAnEndpoint()
    {
        Errors(new LlmOptions { Provider = LlmProvider.OpenAICompatible, Model = "llama3.2", Endpoint = "http://localhost:11434/v1" }).ShouldBeEmpty();
        Errors(new LlmOptions { Provider = LlmProvider.OpenAICompatible, Model = "llama3.2" })
            .Single().ShouldContain("http://localhost:11434/v1 for Ollama");
    }

    [Fact]
    public void NamesEveryOutOfRangeLimit()
    {
        var errors = Errors(new LlmOptions { MaxConcurrency = 0, AttemptTimeoutSeconds = 100, TotalTimeoutSeconds = 50, MaxRetries = -1, CircuitBreakerFailureRatio = 0 });
        errors.ShouldContain(e => e.StartsWith("Llm:MaxConcurrency"));
        errors.ShouldContain(e => e.StartsWith("Llm:TotalTimeoutSeconds"));
        errors.ShouldContain(e => e.StartsWith("Llm:MaxRetries"));
        errors.ShouldContain(e => e.StartsWith("Llm:CircuitBreakerFailureRatio"));
    }

    [Fact]
    public void RejectsAKeyStoredInASettingsFile()
    {
        var dir = Directory.CreateTempSubdirectory();
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "appsettings.json"), """{ "Llm": { "ApiKey": "sk-committed" } }""");
            var config = new ConfigurationBuilder().SetBasePath(dir.FullName).AddJsonFile("appsettings.json").Build();
            var options = new LlmOptions { Provider = LlmProvider.OpenAI, Model = "m", ApiKey = "sk-committed" };
            Errors(options, config).Single().ShouldBe("Llm:ApiKey must not be stored in appsettings.json: remove it there and set the environment variable Llm__ApiKey or use user-secrets");
        }
        finally { dir.Delete(recursive: true); }
    }

    [Fact]
    public void AcceptsAKeyFromTheEnvironment()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Llm:ApiKey"] = "sk-env" }).Build();
        Errors(new LlmOptions { Provider = LlmProvider.OpenAI, Model = "m", ApiKey = "sk-env" }, config).ShouldBeEmpty();
    }

    [Fact]
    public void KeepsTheKeyOutOfToString()
    {
        var text = new LlmOptions { Provider = LlmProvider.OpenAI, ApiKey = "sk-secret-123" }.ToString();
        text.ShouldNotContain("sk-secret-123");
        text.ShouldContain("ApiKey=(set)");
    }
}
