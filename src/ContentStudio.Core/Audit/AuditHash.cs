using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace ContentStudio.Core.Audit;

/// <summary>The chain hash: SHA-256 (lower-case hex) over the event's fields in a fixed order
/// (Sequence, AtUtc ISO-8601, Actor, Action, EntityType, EntityId, DataJson, PreviousHash). The fields are written
/// as a JSON array of strings rather than joined with a separator, so no field value can shift a boundary.</summary>
public static class AuditHash
{
    /// <summary>The PreviousHash of the first event.</summary>
    public static readonly string Genesis = new('0', 64);

    public static string Compute(AuditEvent e)
    {
        string[] fields =
        [
            e.Sequence.ToString(CultureInfo.InvariantCulture),
            FormatTime(e.AtUtc),
            e.Actor, e.Action, e.EntityType, e.EntityId, e.DataJson, e.PreviousHash,
        ];
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(fields))));
    }

    public static string FormatTime(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>PostgreSQL keeps microseconds, SQLite keeps ticks: store microseconds so the time reads back exactly
    /// as it was hashed on both.</summary>
    public static DateTime Truncate(DateTime utc) =>
        new(utc.Ticks - utc.Ticks % 10, DateTimeKind.Utc);
}
