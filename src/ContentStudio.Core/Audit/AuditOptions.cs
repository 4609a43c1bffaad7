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

    /// <summary>Without the key: options get logged and shown in errors.</summary>
    public override string ToString() =>
        $"AuditOptions {{ ChainKey={(ChainKey.Length > 0 ? "(set)" : "(empty)")}, KeyFile={KeyFile}, AnchorFile={AnchorFile}, " +
        $"AnchorEveryEvents={AnchorEveryEvents}, AnchorIntervalSeconds={AnchorIntervalSeconds} }}";
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
        foreach (var file in FilesHoldingChainKey())
            errors.Add($"{AuditOptions.ChainKeySetting} must not be stored in {file}: remove it there and set the environment variable Audit__ChainKey or use user-secrets");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>Settings files that carry the key. user-secrets (secrets.json) is the allowed file source.</summary>
    private IEnumerable<string> FilesHoldingChainKey()
    {
        if (configuration is not IConfigurationRoot root) yield break;
        foreach (var provider in root.Providers)
        {
            if (provider is not FileConfigurationProvider file) continue;
            var path = file.Source.Path ?? "";
            if (string.Equals(Path.GetFileName(path), "secrets.json", StringComparison.OrdinalIgnoreCase)) continue;
            if (provider.TryGet(AuditOptions.ChainKeySetting, out var value) && !string.IsNullOrEmpty(value)) yield return path;
        }
    }
}
