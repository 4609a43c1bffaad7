using System.ClientModel;
using System.ClientModel.Primitives;
using OpenAI;

namespace ContentStudio.Core.Llm;

/// <summary>Builds the SDK client for a configured provider. The SDK's own retries are switched off
/// (its default retries without delay): <see cref="RetryingChatClient"/> owns them.</summary>
public static class OpenAIClientFactory
{
    /// <summary>Compatible servers such as Ollama ignore the key, but the SDK insists on a non-empty one.</summary>
    const string PlaceholderKey = "no-key";

    public static OpenAIChatClientAdapter CreateAdapter(LlmOptions options)
    {
        if (options.Provider == LlmProvider.Offline)
            throw new InvalidOperationException("Llm:Provider is Offline: the offline composer is used, not an OpenAI client");
        var clientOptions = new OpenAIClientOptions
        {
            RetryPolicy = new ClientRetryPolicy(0),
            // The attempt timeout in RetryingChatClient normally fires first; this is the backstop for SDK use without it.
            NetworkTimeout = options.AttemptTimeout,
            UserAgentApplicationId = "ContentStudio",
        };
        Uri? endpoint = null;
        if (!string.IsNullOrWhiteSpace(options.Endpoint))
        {
            // A base URL without the trailing slash would drop its last segment (e.g. /v1) when paths are appended.
            endpoint = new Uri(options.Endpoint.EndsWith('/') ? options.Endpoint : options.Endpoint + "/");
            clientOptions.Endpoint = endpoint;
        }
        var key = string.IsNullOrWhiteSpace(options.ApiKey) ? PlaceholderKey : options.ApiKey;
        // Azure's v1 endpoint takes the key as a bearer token (what the SDK sends); its classic api-key header
        // is added as well so keys scoped to either scheme work.
        if (options.Provider == LlmProvider.AzureOpenAI) clientOptions.AddPolicy(new ApiKeyHeaderPolicy(key), PipelinePosition.PerCall);
        var client = new OpenAIClient(new ApiKeyCredential(key), clientOptions);
        return new OpenAIChatClientAdapter(client, options.Model, options.Provider.ToString(), endpoint ?? new Uri("https://api.openai.com/v1/"),
            new SecretRedactor([options.ApiKey]));
    }
}

/// <summary>Sets Azure OpenAI's api-key header on every request.</summary>
internal sealed class ApiKeyHeaderPolicy(string key) : PipelinePolicy
{
    public override void Process(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        message.Request.Headers.Set("api-key", key);
        ProcessNext(message, pipeline, currentIndex);
    }

    public override ValueTask ProcessAsync(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        message.Request.Headers.Set("api-key", key);
        return ProcessNextAsync(message, pipeline, currentIndex);
    }
}
