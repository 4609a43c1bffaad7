using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace ContentStudio.Core.Audit;

/// <summary>The chain hash over the event's fields in a fixed order (Sequence, AtUtc ISO-8601, Actor, Action, EntityType,
/// EntityId, DataJson, PreviousHash), written as a JSON array of strings rather than joined with a separator, so no
/// field value can shift a boundary. Lower-case hex either way.
/// <see cref="AuditChainVersions.Unkeyed"/>: SHA-256 of that array (the original format, kept so old events verify).
/// <see cref="AuditChainVersions.Keyed"/>: HMAC-SHA256 with the chain key over the array prefixed with the format
/// name, so the version itself is covered and a keyed event cannot be relabelled as unkeyed.</summary>
public static class AuditHash
{
    /// <summary>The PreviousHash of the first event.</summary>
    public static readonly string Genesis = new('0', 64);

    private const string KeyedFormat = "hmac-sha256/1";

    /// <summary>The hash <paramref name="e"/> should carry for its <see cref="AuditEvent.ChainVersion"/>.</summary>
    public static string Compute(AuditEvent e, byte[]? key = null) => e.ChainVersion switch
    {
        AuditChainVersions.Unkeyed => Unkeyed(e),
        AuditChainVersions.Keyed => Keyed(e, key ?? throw new AuditChainKeyMissingException()),
        _ => throw new ArgumentOutOfRangeException(nameof(e), e.ChainVersion, "unknown audit chain version"),
    };

    /// <summary>Plain SHA-256: what anyone can compute, and what events from before the key carry.</summary>
    public static string Unkeyed(AuditEvent e) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(Fields(e)))));

    public static string Keyed(AuditEvent e, byte[] key) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(JsonSerializer.Serialize((string[])[KeyedFormat, .. Fields(e)]))));

    /// <summary>Compares in constant time: a verifier that answers faster for a longer matching prefix leaks the MAC.</summary>
    public static bool Matches(string expected, string actual) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(actual));

    private static string[] Fields(AuditEvent e) =>
    [
        e.Sequence.ToString(CultureInfo.InvariantCulture),
        FormatTime(e.AtUtc),
        e.Actor, e.Action, e.EntityType, e.EntityId, e.DataJson, e.PreviousHash,
    ];

    public static string FormatTime(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>PostgreSQL keeps microseconds, SQLite keeps ticks: store microseconds so the time reads back exactly
    /// as it was hashed on both.</summary>
    public static DateTime Truncate(DateTime utc) =>
        new(utc.Ticks - utc.Ticks % 10, DateTimeKind.Utc);
}
