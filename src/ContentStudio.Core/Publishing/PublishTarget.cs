namespace ContentStudio.Core.Publishing;

/// <summary>Where approved content goes. A webhook's signing secret is never stored here: it is read from
/// configuration at send time (<c>Publishing:Secrets:&lt;Name&gt;</c>, i.e. the environment variable
/// <c>Publishing__Secrets__&lt;Name&gt;</c> or user-secrets).</summary>
public sealed class PublishTarget
{
    public Guid Id { get; set; } = Guid.NewGuid();
    /// <summary>Unique; also the key of the signing secret in configuration.</summary>
    public string Name { get; set; } = "";
    public PublishTargetKind Kind { get; set; }
    /// <summary>FileExport: the folder (relative paths are under Publishing:ExportRoot).</summary>
    public string? FolderPath { get; set; }
    /// <summary>Webhook: the http(s) endpoint, checked by <see cref="Security.UrlGuard"/> when saved and when sending.</summary>
    public string? Url { get; set; }
    public bool Enabled { get; set; } = true;
    public DateTime CreatedUtc { get; set; }
    public string CreatedBy { get; set; } = "";
    public Guid ConcurrencyToken { get; set; } = Guid.NewGuid();

    /// <summary>The configuration key holding this target's HMAC secret.</summary>
    public string SecretKey => $"{PublishingOptions.Section}:Secrets:{Name}";
}
