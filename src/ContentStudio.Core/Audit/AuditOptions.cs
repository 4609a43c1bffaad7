using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace ContentStudio.Core.Audit;

/// <summary>Section "Audit": the key the chain is signed with and where its head is anchored. Both live outside the
/// database on purpose: whoever can write the database file must not be able to re-sign or shorten the log.</summary>
public sealed class AuditOptions
{
    public const string Section = "Audit";
    public const string ChainKeySetting = "Audit:ChainKey";

    /// <summary>The HMAC key (at least 32 characters, used as UTF-8 bytes). A secret: environment variable
    /// Audit__ChainKey or user-secrets only. Empty: a random key is kept in <see cref="KeyFile"/>.</summary>
    public string ChainKey { get; set; } = "";

    /// <summary>The generated key's file when <see cref="ChainKey"/> is empty. Relative: under Studio:DataPath.</summary>
    public string KeyFile { get; set; } = "audit-chain.key";

    /// <summary>Append-only file of chain heads (one JSON object a line). Relative: under Studio:DataPath.</summary>
    public string AnchorFile { get; set; } = "audit-anchor.json";

    /// <summary>Anchor the head again after this many new events (and at every verify).</summary>
    public int AnchorEveryEvents { get; set; } = 100;

    /// <summary>How often the web process anchors a head that moved since the last anchor.</summary>
    public int AnchorIntervalSeconds { get; set; } = 60;

    public const string AnchorWebhookSecretSetting = "Audit:AnchorWebhookSecret";

    /// <summary>Where every anchored head is also POSTed (signed like the publishing webhooks), so a second system
    /// holds it: https, or http to a loopback address only (a local relay). Empty: the file only.</summary>
    public string AnchorWebhookUrl { get; set; } = "";

    /// <summary>The webhook's HMAC signing secret (at least 16 characters). A secret: environment variable
    /// Audit__AnchorWebhookSecret or user-secrets only. Required when <see cref="AnchorWebhookUrl"/> is set.</summary>
    public string AnchorWebhookSecret { get; set; } = "";

    /// <summary>Longest wait for the receiver's answer to one POST.</summary>
    public double AnchorWebhookTimeoutSeconds { get; set; } = 10;

    /// <summary>First wait before a failed POST is sent again; doubled each time, at most AnchorIntervalSeconds.</summary>
    public double AnchorWebhookRetrySeconds { get; set; } = 5;

    /// <summary>Without the keys: options get logged and shown in errors.</summary>
    public override string ToString() =>
        $"AuditOptions {{ ChainKey={(ChainKey.Length > 0 ? "(set)" : "(empty)")}, KeyFile={KeyFile}, AnchorFile={AnchorFile}, " +
        $"AnchorEveryEvents={AnchorEveryEvents}, AnchorIntervalSeconds={AnchorIntervalSeconds}, AnchorWebhookUrl={AnchorWebhookUrl}, " +
        $"AnchorWebhookSecret={(AnchorWebhookSecret.Length > 0 ? "(set)" : "(empty)")}, AnchorWebhookTimeoutSeconds={AnchorWebhookTimeoutSeconds}, " +
        $"AnchorWebhookRetrySeconds={AnchorWebhookRetrySeconds} }}";
}

/// <summary>Checks the "Audit" section at start. A chain key in a settings file would sit next to the database it is
/// meant to protect (and in version control): refused, like Llm:ApiKey.</summary>
internal sealed class AuditOptionsValidator(IConfiguration? configuration = null) : IValidateOptions<AuditOptions>
{
    public const int MinimumKeyLength = 32;

    public ValidateOptionsResult Validate(string? name, AuditOptions o)
    {
        var errors = new List<string>();
        if (o.ChainKey.Length is > 0 and < MinimumKeyLength)
            errors.Add($"{AuditOptions.ChainKeySetting} must be at least {MinimumKeyLength} characters (got {o.ChainKey.Length}); e.g. the output of `openssl rand -base64 32`");
        if (string.IsNullOrWhiteSpace(o.KeyFile)) errors.Add("Audit:KeyFile must name a file (default audit-chain.key under Studio:DataPath)");
        if (string.IsNullOrWhiteSpace(o.AnchorFile)) errors.Add("Audit:AnchorFile must name a file (default audit-anchor.json under Studio:DataPath)");
        if (o.AnchorEveryEvents is < 1 or > 1_000_000) errors.Add($"Audit:AnchorEveryEvents must be between 1 and 1000000 (got {o.AnchorEveryEvents})");
        if (o.AnchorIntervalSeconds is < 1 or > 86_400) errors.Add($"Audit:AnchorIntervalSeconds must be between 1 and 86400 (got {o.AnchorIntervalSeconds})");
        if (o.AnchorWebhookUrl.Length > 0) errors.AddRange(WebhookProblems(o));
        foreach (var setting in (string[])[AuditOptions.ChainKeySetting, AuditOptions.AnchorWebhookSecretSetting])
            foreach (var file in FilesHolding(setting))
                errors.Add($"{setting} must not be stored in {file}: remove it there and set the environment variable {setting.Replace(":", "__")} or use user-secrets");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    public const int MinimumWebhookSecretLength = 16;

    private static IEnumerable<string> WebhookProblems(AuditOptions o)
    {
        if (!Uri.TryCreate(o.AnchorWebhookUrl, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http"))
            yield return $"Audit:AnchorWebhookUrl must be an absolute https URL (got '{o.AnchorWebhookUrl}')";
        else if (url.Scheme == "http" && !url.IsLoopback)
            yield return $"Audit:AnchorWebhookUrl must use https (got '{o.AnchorWebhookUrl}'); plain http is allowed only to a loopback address";
        if (o.AnchorWebhookSecret.Length < MinimumWebhookSecretLength)
            yield return $"{AuditOptions.AnchorWebhookSecretSetting} must be at least {MinimumWebhookSecretLength} characters when Audit:AnchorWebhookUrl is set " +
                $"(got {o.AnchorWebhookSecret.Length}); set the environment variable Audit__AnchorWebhookSecret or use user-secrets";
        if (o.AnchorWebhookTimeoutSeconds is < 0.1 or > 600)
            yield return $"Audit:AnchorWebhookTimeoutSeconds must be between 0.1 and 600 (got {o.AnchorWebhookTimeoutSeconds})";
        if (o.AnchorWebhookRetrySeconds is < 0.1 or > 86_400)
            yield return $"Audit:AnchorWebhookRetrySeconds must be between 0.1 and 86400 (got {o.AnchorWebhookRetrySeconds})";
    }

    /// <summary>Settings files that carry <paramref name="setting"/>. user-secrets (secrets.json) is the allowed file source.</summary>
    private IEnumerable<string> FilesHolding(string setting)
    {
        if (configuration is not IConfigurationRoot root) yield break;
        foreach (var provider in root.Providers)
        {
            if (provider is not FileConfigurationProvider file) continue;
            var path = file.Source.Path ?? "";
            if (string.Equals(Path.GetFileName(path), "secrets.json", StringComparison.OrdinalIgnoreCase)) continue;
            if (provider.TryGet(setting, out var value) && !string.IsNullOrEmpty(value)) yield return path;
        }
    }
}
