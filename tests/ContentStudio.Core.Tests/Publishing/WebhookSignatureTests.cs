using ContentStudio.Core.Publishing;
using ContentStudio.Core.Publishing.Delivery;

namespace ContentStudio.Core.Tests.Publishing;

public class WebhookSignatureTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void SignsIdTimestampAndBodyWithHmacSha256()
    {
        // Reference value computed independently: printf 'd-1.1700000000.{"a":1}' | openssl dgst -sha256 -hmac s3cret
        WebhookSignature.Sign("s3cret", "d-1", 1700000000, "{\"a\":1}")
            .ShouldBe("sha256=" + Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(
                "s3cret"u8.ToArray(), "d-1.1700000000.{\"a\":1}"u8.ToArray())));
    }

    [Fact]
    public void VerifiesAFreshSignature()
    {
        var ts = Now.ToUnixTimeSeconds();
        var signature = WebhookSignature.Sign("s3cret", "d-1", ts, "{}");
        WebhookSignature.Verify("s3cret", "d-1", ts.ToString(), "{}", signature, Now, TimeSpan.FromMinutes(5)).ShouldBeTrue();
    }

    [Theory]
    [InlineData("other-secret", "d-1", "{}", 0)]
    [InlineData("s3cret", "d-2", "{}", 0)]
    [InlineData("s3cret", "d-1", "{ }", 0)]
    [InlineData("s3cret", "d-1", "{}", 600)]
    public void RejectsAWrongSecretIdBodyOrAStaleTimestamp(string secret, string id, string body, int ageSeconds)
    {
        var ts = Now.ToUnixTimeSeconds() - ageSeconds;
        var signature = WebhookSignature.Sign("s3cret", "d-1", ts, "{}");
        WebhookSignature.Verify(secret, id, ts.ToString(), body, signature, Now, TimeSpan.FromMinutes(5)).ShouldBeFalse();
    }

    [Fact]
    public void BackoffDoublesWithJitterAndStopsAtTheCap()
    {
        var options = new PublishingOptions { BaseDelaySeconds = 2, MaxDelaySeconds = 30 };
        var random = new Random(7);
        for (var attempt = 1; attempt <= 8; attempt++)
        {
            var nominal = Math.Min(30, 2 * Math.Pow(2, attempt - 1));
            var delay = Backoff.Delay(attempt, options, random).TotalSeconds;
            delay.ShouldBeInRange(nominal * 0.5, nominal * 1.5);
        }
    }

    [Theory]
    [InlineData("../outside")]
    [InlineData("/etc")]
    [InlineData("a/../../b")]
    public void ExportFoldersCannotEscapeTheExportRoot(string folder)
    {
        var root = Path.Combine(Path.GetTempPath(), "cs-root");
        Should.Throw<PublishingException>(() => ExportPaths.Resolve(root, folder)).Message.ShouldContain("outside Publishing:ExportRoot");
    }

    [Fact]
    public void ExportFoldersInsideTheRootResolve() =>
        ExportPaths.Resolve("/tmp/cs-root", "partner/feed").ShouldBe("/tmp/cs-root/partner/feed");
}
