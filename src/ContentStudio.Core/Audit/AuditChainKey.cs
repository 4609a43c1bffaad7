using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using ContentStudio.Core.Configuration;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Core.Audit;

/// <summary>The chain key was needed and is not there: keyed events (or anchors) exist, but neither Audit:ChainKey nor
/// the key file is available. Never answered by making a new key: every keyed event would then read as forged.</summary>
public sealed class AuditChainKeyMissingException(string? keyFile = null) : InvalidOperationException(
    $"the audit chain key is missing: set {AuditOptions.ChainKeySetting} (environment variable Audit__ChainKey or user-secrets) " +
    $"to the key the log was written with{(keyFile is null ? "" : $", or restore the key file {keyFile}")}");

/// <summary>Where the HMAC key comes from: <see cref="AuditOptions.ChainKey"/> (environment or user-secrets) when set,
/// else a random 256-bit key in <see cref="AuditOptions.KeyFile"/>, created on first use with owner-only permissions.
/// The file is the fallback that makes a fresh install keyed with no setup; it only protects against someone who can
/// write the database but not the data folder, so deployments that take the threat seriously set the key.</summary>
public sealed class AuditChainKey(IOptions<AuditOptions> options, StudioPaths paths)
{
    private readonly Lock _gate = new();
    private byte[]? _key;

    public string KeyFilePath { get; } = Path.Combine(paths.Data, options.Value.KeyFile);

    /// <summary>True when the key is the configured setting rather than the file.</summary>
    public bool IsConfigured => options.Value.ChainKey.Length > 0;

    /// <summary>The key if it is configured or its file exists; null otherwise. Never creates one.</summary>
    public byte[]? TryGet()
    {
        lock (_gate)
        {
            if (_key is not null) return _key;
            if (IsConfigured) return _key = Encoding.UTF8.GetBytes(options.Value.ChainKey);
            return File.Exists(KeyFilePath) ? _key = ReadFile() : null;
        }
    }

    /// <summary>The key, creating the key file when there is none. Callers decide first that a new key is safe
    /// (no keyed event exists yet).</summary>
    public byte[] GetOrCreate()
    {
        lock (_gate)
        {
            if (TryGet() is { } key) return key;
            Directory.CreateDirectory(Path.GetDirectoryName(KeyFilePath)!);
            var fresh = RandomNumberGenerator.GetBytes(32);
            try
            {
                // CreateNew: if another process got there first, use its key instead of overwriting it.
                var create = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
                // Owner read/write only (0600) from the moment the file exists; Windows relies on the folder's ACL.
                if (!OperatingSystem.IsWindows()) create.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
                using var file = new FileStream(KeyFilePath, create);
                file.Write(Encoding.ASCII.GetBytes(Convert.ToBase64String(fresh) + "\n"));
                file.Flush(flushToDisk: true);
                return _key = fresh;
            }
            catch (IOException) when (File.Exists(KeyFilePath))
            {
                return _key = ReadFile();
            }
        }
    }

    public AuditChainKeyMissingException Missing() => new(IsConfigured ? null : KeyFilePath);

    private byte[] ReadFile()
    {
        var text = File.ReadAllText(KeyFilePath).Trim();
        try
        {
            var key = Convert.FromBase64String(text);
            if (key.Length >= 32) return key;
        }
        catch (FormatException) { }
        throw new InvalidOperationException($"the audit chain key file {KeyFilePath} is not a base64 key of at least 32 bytes; restore it from backup or set {AuditOptions.ChainKeySetting}");
    }
}
