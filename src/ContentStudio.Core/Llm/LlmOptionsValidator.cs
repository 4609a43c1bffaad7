using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace ContentStudio.Core.Llm;

/// <summary>Checks the "Llm" section at start, with messages that name the key and say how to fix it.</summary>
public sealed class LlmOptionsValidator(IConfiguration? configuration = null) : IValidateOptions<LlmOptions>
{
    public ValidateOptionsResult Validate(string? name, LlmOptions o)
    {
        var errors = new List<string>();
        switch (o.Provider)
        {
            case LlmProvider.OpenAI:
                RequireKey(o, errors);
                RequireModel(o, errors, "e.g. gpt-4o-mini");
                if (o.Endpoint.Length > 0) RequireAbsoluteUri(o, errors);
                break;
            case LlmProvider.AzureOpenAI:
                if (o.Endpoint.Length == 0)
                    errors.Add("Llm:Endpoint is required when Llm:Provider is AzureOpenAI (the resource, e.g. https://<resource>.openai.azure.com/)");
                else if (RequireAbsoluteUri(o, errors) && new Uri(o.Endpoint).AbsolutePath.Contains("/openai", StringComparison.OrdinalIgnoreCase))
                    errors.Add($"Llm:Endpoint for AzureOpenAI is the resource URL without a path (got '{o.Endpoint}'; e.g. https://<resource>.openai.azure.com/): " +
                        "the client adds /openai/deployments/<Llm:Model>/… itself");
                if (o.Authentication == LlmAuthentication.ApiKey) RequireKey(o, errors);
                else if (!string.IsNullOrWhiteSpace(o.ApiKey))
                    errors.Add("Llm:ApiKey is set but Llm:Authentication is EntraId: remove the key (Entra ID needs none) or set Llm:Authentication to ApiKey");
                RequireModel(o, errors, "the deployment name");
                if (AzureApiVersions.Parse(o.ApiVersion) is null)
                    errors.Add($"Llm:ApiVersion '{o.ApiVersion}' is not an Azure OpenAI api-version this build knows: use one of {AzureApiVersions.Supported}");
                break;
            case LlmProvider.OpenAICompatible:
                if (o.Endpoint.Length == 0)
                    errors.Add("Llm:Endpoint is required when Llm:Provider is OpenAICompatible (e.g. http://localhost:11434/v1 for Ollama)");
                else RequireAbsoluteUri(o, errors);
                RequireModel(o, errors, "e.g. llama3.2 for Ollama");
                break;
        }

        if (o.Provider != LlmProvider.AzureOpenAI && o.Authentication == LlmAuthentication.EntraId)
            errors.Add($"Llm:Authentication EntraId works only with Llm:Provider AzureOpenAI (got {o.Provider}): set it to ApiKey");
        if (o.MaxConcurrency < 1) errors.Add($"Llm:MaxConcurrency must be at least 1 (got {o.MaxConcurrency})");
        if (o.AttemptTimeoutSeconds is < 0.01 or > 3600) errors.Add($"Llm:AttemptTimeoutSeconds must be between 0.01 and 3600 (got {o.AttemptTimeoutSeconds})");
        if (o.TotalTimeoutSeconds < o.AttemptTimeoutSeconds || o.TotalTimeoutSeconds > 86400)
            errors.Add($"Llm:TotalTimeoutSeconds must be at least Llm:AttemptTimeoutSeconds ({o.AttemptTimeoutSeconds}) and at most 86400 (got {o.TotalTimeoutSeconds})");
        if (o.MaxRetries is < 0 or > 10) errors.Add($"Llm:MaxRetries must be between 0 and 10 (got {o.MaxRetries})");
        if (o.RetryBaseDelayMilliseconds is < 0 or > 60000) errors.Add($"Llm:RetryBaseDelayMilliseconds must be between 0 and 60000 (got {o.RetryBaseDelayMilliseconds})");
        if (o.CircuitBreakerFailureRatio is <= 0 or > 1) errors.Add($"Llm:CircuitBreakerFailureRatio must be above 0 and at most 1 (got {o.CircuitBreakerFailureRatio})");
        // Polly's own lower bounds for the circuit breaker.
        if (o.CircuitBreakerBreakDurationSeconds < 0.5) errors.Add($"Llm:CircuitBreakerBreakDurationSeconds must be at least 0.5 (got {o.CircuitBreakerBreakDurationSeconds})");
        if (o.CircuitBreakerSamplingDurationSeconds < 0.5) errors.Add($"Llm:CircuitBreakerSamplingDurationSeconds must be at least 0.5 (got {o.CircuitBreakerSamplingDurationSeconds})");
        if (o.CircuitBreakerMinimumThroughput < 2) errors.Add($"Llm:CircuitBreakerMinimumThroughput must be at least 2 (got {o.CircuitBreakerMinimumThroughput})");

        if (o.DefaultMaxOutputTokens is < 1 or > 128_000) errors.Add($"Llm:DefaultMaxOutputTokens must be between 1 and 128000 (got {o.DefaultMaxOutputTokens})");
        if (o.MaxOutputTokensCeiling < o.DefaultMaxOutputTokens || o.MaxOutputTokensCeiling > 128_000)
            errors.Add($"Llm:MaxOutputTokensCeiling must be at least Llm:DefaultMaxOutputTokens ({o.DefaultMaxOutputTokens}) and at most 128000 (got {o.MaxOutputTokensCeiling})");

        foreach (var file in FilesHoldingApiKey())
            errors.Add($"Llm:ApiKey must not be stored in {file}: remove it there and set the environment variable Llm__ApiKey or use user-secrets");

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    static void RequireKey(LlmOptions o, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(o.ApiKey))
            errors.Add($"Llm:ApiKey is required for {o.Provider}: set the environment variable Llm__ApiKey (or use user-secrets)");
    }

    static void RequireModel(LlmOptions o, List<string> errors, string example)
    {
        if (string.IsNullOrWhiteSpace(o.Model))
            errors.Add($"Llm:Model is required when Llm:Provider is {o.Provider} ({example})");
    }

    static bool RequireAbsoluteUri(LlmOptions o, List<string> errors)
    {
        if (Uri.TryCreate(o.Endpoint, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
            return true;
        errors.Add($"Llm:Endpoint must be an absolute http(s) URL (got '{o.Endpoint}')");
        return false;
    }

    /// <summary>Committed settings files that carry a key. user-secrets (secrets.json) is the allowed file source.</summary>
    IEnumerable<string> FilesHoldingApiKey()
    {
        if (configuration is not IConfigurationRoot root) yield break;
        foreach (var provider in root.Providers)
        {
            if (provider is not FileConfigurationProvider file) continue;
            var path = file.Source.Path ?? "";
            if (string.Equals(Path.GetFileName(path), "secrets.json", StringComparison.OrdinalIgnoreCase)) continue;
            if (provider.TryGet("Llm:ApiKey", out var value) && !string.IsNullOrEmpty(value)) yield return path;
        }
    }
}
