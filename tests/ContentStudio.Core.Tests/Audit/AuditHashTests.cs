using ContentStudio.Core.Audit;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Core.Tests.Audit;

public sealed class AuditHashTests
{
    private static AuditEvent Event() => new()
    {
        Sequence = 7, AtUtc = new DateTime(2026, 11, 29, 9, 30, 1, 123, 456, DateTimeKind.Utc), Actor = "bea@example.com",
        Action = AuditActions.ReviewApproved, EntityType = "Variant", EntityId = "42", DataJson = """{"to":"Approved"}""",
        PreviousHash = AuditHash.Genesis,
    };

    [Fact]
    public void HashIsStableLowerCaseSha256Hex()
    {
        var hash = AuditHash.Compute(Event());
        hash.ShouldBe(AuditHash.Compute(Event()));
        hash.Length.ShouldBe(64);
        hash.ShouldMatch("^[0-9a-f]{64}$");
    }

    [Fact]
    public void EveryFieldIsCovered()
    {
        var original = AuditHash.Compute(Event());
        Action<AuditEvent>[] changes =
        [
            e => e.Sequence = 8, e => e.AtUtc = e.AtUtc.AddTicks(10), e => e.Actor = "mallory", e => e.Action = "review.rejected",
            e => e.EntityType = "Template", e => e.EntityId = "43", e => e.DataJson = """{"to":"Rejected"}""",
            e => e.PreviousHash = new string('1', 64),
        ];
        foreach (var change in changes)
        {
            var e = Event();
            change(e);
            AuditHash.Compute(e).ShouldNotBe(original);
        }
    }

    [Fact]
    public void MovingTextBetweenFieldsChangesTheHash()
    {
        // With a plain "a|b" join these two would hash alike.
        var a = Event(); a.Actor = "bea|review.approved"; a.Action = "x";
        var b = Event(); b.Actor = "bea"; b.Action = "review.approved|x";
        AuditHash.Compute(a).ShouldNotBe(AuditHash.Compute(b));
    }

    [Fact]
    public void TimeIsHashedToTheMicrosecondInUtc()
    {
        AuditHash.FormatTime(Event().AtUtc).ShouldBe("2026-11-29T09:30:01.123456Z");
        var truncated = AuditHash.Truncate(new DateTime(2026, 11, 29, 9, 30, 1, DateTimeKind.Utc).AddTicks(1234567));
        (truncated.Ticks % 10).ShouldBe(0);
        truncated.Kind.ShouldBe(DateTimeKind.Utc);
        AuditHash.FormatTime(truncated).ShouldBe("2026-11-29T09:30:01.123456Z");
    }

    [Fact]
    public void GenesisIsSixtyFourZeros() => AuditHash.Genesis.ShouldBe(new string('0', 64));

    private static readonly byte[] Key = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();

    [Fact]
    public void KeyedHashNeedsTheKeyAndCoversTheVersion()
    {
        var e = Event();
        e.ChainVersion = AuditChainVersions.Keyed;
        var keyed = AuditHash.Compute(e, Key);

        keyed.ShouldBe(AuditHash.Keyed(e, Key));
        keyed.ShouldMatch("^[0-9a-f]{64}$");
        keyed.ShouldNotBe(AuditHash.Unkeyed(e)); // what anyone can compute
        keyed.ShouldNotBe(AuditHash.Keyed(e, [.. Key.Reverse()]));
        Should.Throw<AuditChainKeyMissingException>(() => AuditHash.Compute(e)).Message.ShouldContain("Audit:ChainKey");
    }

    [Fact]
    public void UnkeyedEventsKeepTheOriginalSha256()
    {
        var e = Event();
        AuditHash.Compute(e, Key).ShouldBe(AuditHash.Unkeyed(e)); // an old event verifies as it was written
        // The format the log used before the key, pinned: changing it would break every existing log.
        AuditHash.Unkeyed(e).ShouldBe(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(
            System.Text.Json.JsonSerializer.Serialize(new[] { "7", "2026-11-29T09:30:01.123456Z", "bea@example.com", AuditActions.ReviewApproved,
                "Variant", "42", """{"to":"Approved"}""", AuditHash.Genesis })))));
    }
}
