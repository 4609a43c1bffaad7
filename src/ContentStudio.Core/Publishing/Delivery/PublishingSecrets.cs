using Microsoft.Extensions.Configuration;

namespace ContentStudio.Core.Publishing.Delivery;

/// <summary>Reads a target's signing secret from configuration (Publishing:Secrets:&lt;TargetName&gt;) only at the
/// moment of signing; it is never stored, logged or shown.</summary>
public sealed class PublishingSecrets(IConfiguration configuration)
{
    public string? Get(PublishTarget target)
    {
        var value = configuration[target.SecretKey];
        return string.IsNullOrEmpty(value) ? null : value;
    }

    public static string Missing(PublishTarget target) =>
        $"no signing secret for webhook target '{target.Name}': set {target.SecretKey} " +
        $"(environment variable {target.SecretKey.Replace(":", "__")} or user-secrets)";
}
