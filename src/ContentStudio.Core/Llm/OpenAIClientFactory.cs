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
        var client = new OpenAIClient(new ApiKeyCredential(key), clientOptions);
        return new OpenAIChatClientAdapter(client, options.Model, options.Provider.ToString(), endpoint ?? new Uri("https://api.openai.com/v1/"));
    }
}
