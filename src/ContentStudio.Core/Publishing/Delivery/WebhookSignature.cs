using System.Security.Cryptography;
using System.Text;

namespace ContentStudio.Core.Publishing.Delivery;

/// <summary>How webhooks are signed (docs/webhooks.md): HMAC-SHA256 with the target's secret over
/// "{delivery id}.{unix seconds}.{body}", sent as "sha256=&lt;lower-case hex&gt;".</summary>
public static class WebhookSignature
{
    public const string DeliveryHeader = "X-ContentStudio-Delivery";
    public const string TimestampHeader = "X-ContentStudio-Timestamp";
    public const string SignatureHeader = "X-ContentStudio-Signature";

    public static string Sign(string secret, string deliveryId, long timestamp, string body)
    {
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{deliveryId}.{timestamp}.{body}"));
        return "sha256=" + Convert.ToHexStringLower(mac);
    }

    /// <summary>What a receiver does: recompute, compare in constant time, and refuse stale timestamps (replays).</summary>
    public static bool Verify(string secret, string deliveryId, string timestamp, string body, string signature,
        DateTimeOffset now, TimeSpan tolerance)
    {
        if (!long.TryParse(timestamp, out var ts)) return false;
        if (Math.Abs(now.ToUnixTimeSeconds() - ts) > tolerance.TotalSeconds) return false;
        var expected = Encoding.ASCII.GetBytes(Sign(secret, deliveryId, ts, body));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signature));
    }
}
