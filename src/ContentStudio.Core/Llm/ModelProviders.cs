using System.ClientModel;
using System.ClientModel.Primitives;
using Azure.AI.OpenAI;
using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.AI;
using OpenAI;

namespace ContentStudio.Core.Llm;

/// <summary>The provider client for the configured Llm section, straight from the SDKs through Microsoft.Extensions.AI's
/// <c>AsIChatClient()</c>: OpenAI and compatible servers (Ollama) through the OpenAI SDK, Azure OpenAI through
/// Azure.AI.OpenAI (deployment routes, api-version, key or Microsoft Entra ID). Either SDK's own retries are off
/// (<see cref="ClientRetryPolicy"/> with none): <see cref="RetryingChatClient"/> owns them. What the SDKs throw is
/// turned into <see cref="ModelCallException"/> by the pipeline's <see cref="ProviderErrorsChatClient"/> stage.</summary>
public static class ModelProviders
{
    /// <summary>Compatible servers such as Ollama ignore the key, but the SDK insists on a non-empty one.</summary>
    const string PlaceholderKey = "no-key";

    /// <param name="tokenCredential">For AzureOpenAI with Authentication EntraId: the credential to use; null takes
    /// <see cref="DefaultAzureCredential"/> (managed identity, environment, Azure CLI, …).</param>
    public static IChatClient Create(LlmOptions options, TokenCredential? tokenCredential = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Provider switch
        {
            LlmProvider.Offline => throw new InvalidOperationException("Llm:Provider is Offline: the offline composer is used, not a provider client"),
            LlmProvider.AzureOpenAI => CreateAzure(options, tokenCredential),
            _ => CreateOpenAI(options),
        };
    }

    static IChatClient CreateOpenAI(LlmOptions options)
    {
        var clientOptions = new OpenAIClientOptions
        {
            RetryPolicy = new ClientRetryPolicy(0),
            // The attempt timeout in RetryingChatClient normally fires first; this is the backstop.
            NetworkTimeout = options.AttemptTimeout,
            UserAgentApplicationId = "ContentStudio",
        };
        if (!string.IsNullOrWhiteSpace(options.Endpoint)) clientOptions.Endpoint = WithTrailingSlash(options.Endpoint);
        var key = string.IsNullOrWhiteSpace(options.ApiKey) ? PlaceholderKey : options.ApiKey;
        return new OpenAIClient(new ApiKeyCredential(key), clientOptions).GetChatClient(options.Model).AsIChatClient();
    }

    static IChatClient CreateAzure(LlmOptions options, TokenCredential? tokenCredential)
    {
        var clientOptions = new AzureOpenAIClientOptions(AzureApiVersions.Parse(options.ApiVersion)
            ?? throw new InvalidOperationException($"Llm:ApiVersion '{options.ApiVersion}' is not one Azure.AI.OpenAI knows ({AzureApiVersions.Supported})"))
        {
            RetryPolicy = new ClientRetryPolicy(0),
            NetworkTimeout = options.AttemptTimeout,
            UserAgentApplicationId = "ContentStudio",
        };
        var endpoint = WithTrailingSlash(options.Endpoint);
        var client = options.Authentication == LlmAuthentication.EntraId
            ? new AzureOpenAIClient(endpoint, tokenCredential ?? new DefaultAzureCredential(), clientOptions)
            : new AzureOpenAIClient(endpoint, new ApiKeyCredential(options.ApiKey), clientOptions);
        // The deployment name is the model: Azure routes /openai/deployments/{deployment}/chat/completions.
        return new AzureContentFilterChatClient(client.GetChatClient(options.Model).AsIChatClient());
    }

    /// <summary>A base URL without the trailing slash would drop its last segment (e.g. /v1) when paths are appended.</summary>
    static Uri WithTrailingSlash(string endpoint) => new(endpoint.EndsWith('/') ? endpoint : endpoint + "/");
}

/// <summary>The api-versions Azure.AI.OpenAI 2.9.0-beta.1 can speak, by their Azure names ("2025-04-01-preview").</summary>
public static class AzureApiVersions
{
    public const string Default = "2025-04-01-preview";

    public static string Supported => string.Join(", ", Enum.GetNames<AzureOpenAIClientOptions.ServiceVersion>().Select(ToAzureName));

    public static AzureOpenAIClientOptions.ServiceVersion? Parse(string? apiVersion)
    {
        if (string.IsNullOrWhiteSpace(apiVersion)) return null;
        foreach (var version in Enum.GetValues<AzureOpenAIClientOptions.ServiceVersion>())
            if (string.Equals(ToAzureName(version.ToString()), apiVersion.Trim(), StringComparison.OrdinalIgnoreCase)) return version;
        return null;
    }

    /// <summary>"V2025_04_01_Preview" → "2025-04-01-preview".</summary>
    static string ToAzureName(string enumName) => enumName.TrimStart('V').Replace('_', '-').ToLowerInvariant();
}
