namespace ContentStudio.Core.Llm;

/// <summary>Which model provider the studio talks to. Ollama (and any other server speaking the OpenAI chat API)
/// is <see cref="OpenAICompatible"/> with an Endpoint such as http://localhost:11434/v1.</summary>
public enum LlmProvider { Offline, OpenAI, AzureOpenAI, OpenAICompatible }

/// <summary>How the studio proves who it is to Azure OpenAI: its key, or Microsoft Entra ID (a token credential:
/// DefaultAzureCredential, i.e. managed identity, workload identity, environment or a developer's Azure CLI sign-in).</summary>
public enum LlmAuthentication { ApiKey, EntraId }

/// <summary>Section "Llm": the model provider and how calls to it are limited, timed and retried.</summary>
public sealed class LlmOptions
{
    public const string Section = "Llm";

    /// <summary>Offline (default: deterministic composer, no key, no network), OpenAI, AzureOpenAI or OpenAICompatible.</summary>
    public LlmProvider Provider { get; set; } = LlmProvider.Offline;

    /// <summary>Model id (OpenAI, compatible servers) or deployment name (AzureOpenAI).</summary>
    public string Model { get; set; } = "";

    /// <summary>Required for AzureOpenAI (the resource, https://&lt;resource&gt;.openai.azure.com/) and OpenAICompatible
    /// (e.g. http://localhost:11434/v1 for Ollama); optional override for OpenAI.</summary>
    public string Endpoint { get; set; } = "";

    /// <summary>AzureOpenAI only: ApiKey (default; Llm:ApiKey) or EntraId (no key; a token from DefaultAzureCredential,
    /// or from the TokenCredential the host registers).</summary>
    public LlmAuthentication Authentication { get; set; } = LlmAuthentication.ApiKey;

    /// <summary>AzureOpenAI only: the api-version requests carry (one Azure.AI.OpenAI knows, see <see cref="AzureApiVersions"/>).</summary>
    public string ApiVersion { get; set; } = AzureApiVersions.Default;

    /// <summary>Prompts and replies in traces (span events) and in Trace-level logs. Off: they hold brand briefs,
    /// customer segments and unreviewed copy. Turn on only to debug, never where telemetry leaves the team.</summary>
    public bool EnableSensitiveData { get; set; }

    /// <summary>Secret. Only from the environment variable Llm__ApiKey or user-secrets (the validator rejects it
    /// in an appsettings file); never logged and left out of <see cref="ToString"/>.</summary>
    public string ApiKey { get; set; } = "";

    /// <summary>Most model calls in flight at once, across the whole process: the ceiling of the adaptive limit, which
    /// halves on a 429 when 429s are the rule and grows back by one after a run of successes (see <see cref="ProviderThrottle"/>).</summary>
    public int MaxConcurrency { get; set; } = 8;

    /// <summary>Longest wait for one attempt (for a stream: until its first chunk).</summary>
    public double AttemptTimeoutSeconds { get; set; } = 60;

    /// <summary>Longest wait for one call including every retry and back-off.</summary>
    public double TotalTimeoutSeconds { get; set; } = 180;

    /// <summary>Retries after the first attempt, for transient failures only (408, 429, 5xx, network, timeouts).</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>First back-off; doubled each retry, with jitter. A Retry-After from the server wins.</summary>
    public double RetryBaseDelayMilliseconds { get; set; } = 500;

    /// <summary>Share of failed calls within the sampling window that opens the circuit.</summary>
    public double CircuitBreakerFailureRatio { get; set; } = 0.5;

    /// <summary>How long an open circuit fails calls fast before letting one through to test the provider.</summary>
    public double CircuitBreakerBreakDurationSeconds { get; set; } = 30;

    /// <summary>Calls needed in the window before the ratio counts (so one early failure does not open it).</summary>
    public int CircuitBreakerMinimumThroughput { get; set; } = 10;

    /// <summary>Window over which the failure ratio is measured.</summary>
    public double CircuitBreakerSamplingDurationSeconds { get; set; } = 30;

    /// <summary>Output-token cap of a model request that sets none itself (judges; a template sets its own). Every
    /// request carries a cap, so a runaway reply cannot spend without bound.</summary>
    public int DefaultMaxOutputTokens { get; set; } = 1024;

    /// <summary>Highest cap a reply cut at its output-token limit is asked again with (the request's cap doubled,
    /// at most this). A reply cut again is not used: the variant needs attention.</summary>
    public int MaxOutputTokensCeiling { get; set; } = 4096;

    public TimeSpan AttemptTimeout => TimeSpan.FromSeconds(AttemptTimeoutSeconds);
    public TimeSpan TotalTimeout => TimeSpan.FromSeconds(TotalTimeoutSeconds);

    /// <summary>Everything but the key, so options can be logged safely.</summary>
    public override string ToString() =>
        $"Provider={Provider}, Model={Model}, Endpoint={Endpoint}, ApiKey={(string.IsNullOrEmpty(ApiKey) ? "(not set)" : "(set)")}, " +
        $"Authentication={Authentication}, ApiVersion={ApiVersion}, EnableSensitiveData={EnableSensitiveData}, " +
        $"MaxConcurrency={MaxConcurrency}, AttemptTimeoutSeconds={AttemptTimeoutSeconds}, TotalTimeoutSeconds={TotalTimeoutSeconds}, " +
        $"MaxRetries={MaxRetries}, RetryBaseDelayMilliseconds={RetryBaseDelayMilliseconds}, " +
        $"DefaultMaxOutputTokens={DefaultMaxOutputTokens}, MaxOutputTokensCeiling={MaxOutputTokensCeiling}";
}
