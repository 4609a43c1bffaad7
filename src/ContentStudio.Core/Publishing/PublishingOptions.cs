using System.ComponentModel.DataAnnotations;

namespace ContentStudio.Core.Publishing;

/// <summary>Section "Publishing": how the outbox dispatcher sends. Webhook signing secrets live under
/// Publishing:Secrets:&lt;TargetName&gt; (environment variables or user-secrets only) and are deliberately not a
/// property here, so options dumps and validation messages can never show them.</summary>
public sealed class PublishingOptions
{
    public const string Section = "Publishing";

    /// <summary>Attempts of one delivery before it is moved to Dead (visible in the UI, retried by hand).</summary>
    [Range(1, 100)] public int MaxAttempts { get; set; } = 8;

    /// <summary>First retry delay; doubles each attempt (with ±50 % jitter), capped at MaxDelaySeconds.</summary>
    [Range(0.001, 3600)] public double BaseDelaySeconds { get; set; } = 5;

    [Range(0.001, 86_400)] public double MaxDelaySeconds { get; set; } = 3600;

    /// <summary>How long a claim holds a delivery; a dispatcher that dies lets it go after this long. Keep it above
    /// RequestTimeoutSeconds.</summary>
    [Range(1, 3600)] public int LeaseSeconds { get; set; } = 60;

    /// <summary>Timeout of one webhook request (connect + response).</summary>
    [Range(0.05, 600)] public double RequestTimeoutSeconds { get; set; } = 15;

    /// <summary>How often an idle dispatcher looks for due deliveries.</summary>
    [Range(10, 60_000)] public int PollIntervalMilliseconds { get; set; } = 2000;

    /// <summary>Deliveries claimed per round trip.</summary>
    [Range(1, 500)] public int BatchSize { get; set; } = 16;

    /// <summary>Deliveries sent at once by one dispatcher.</summary>
    [Range(1, 64)] public int WorkerConcurrency { get; set; } = 4;

    /// <summary>Development and tests only: lets webhook targets on 127.0.0.1 / ::1 through the address guard.</summary>
    public bool AllowLoopbackTargets { get; set; }

    /// <summary>Hosts (names or literal addresses, no scheme or port) whose webhooks may use plain http. Empty: https only.
    /// An admin's explicit exception for an endpoint that cannot do TLS; loopback needs AllowLoopbackTargets instead.</summary>
    public List<string> AllowHttpHosts { get; set; } = [];

    /// <summary>Folder that file-export targets and `studio export` write under (relative: from the current folder).
    /// A target folder that resolves outside it is refused.</summary>
    public string ExportRoot { get; set; } = "exports";

    /// <summary>Run the outbox dispatcher in the web process.</summary>
    public bool WorkerEnabled { get; set; } = true;
}
