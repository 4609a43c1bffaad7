using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ContentStudio.Core.Audit;
using ContentStudio.Core.Configuration;
using ContentStudio.Integration.Tests.Infrastructure;

namespace ContentStudio.Integration.Tests.Audit;

/// <summary>The keyed chain and its anchor against the tampering an attacker with write access to the database can do
/// (raw SQL past the append-only triggers): each verify must name the sequence number where the log breaks.</summary>
public abstract class AuditKeyedChainTests : StudioTests
{
    private AuditVerifier Verifier => Studio.Get<AuditVerifier>();
    private byte[] Key => Studio.Get<AuditChainKey>().TryGet()!;
    private string AnchorFile => Studio.Get<AuditAnchor>().FilePath;

    private Task<List<AuditEvent>> RecordAsync(int count) => AuditTamper.RecordAsync(Studio, count);

    [Fact]
    public async Task EveryEventIsKeyedWithAKeyFileOnlyItsOwnerCanRead()
    {
        var events = await RecordAsync(3);

        var keyFile = Studio.Get<AuditChainKey>().KeyFilePath;
        keyFile.ShouldBe(Path.Combine(Studio.DataFolder, "audit-chain.key"));
        Convert.FromBase64String(File.ReadAllText(keyFile).Trim()).Length.ShouldBe(32);
        if (!OperatingSystem.IsWindows()) File.GetUnixFileMode(keyFile).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        events.ShouldAllBe(e => e.ChainVersion == AuditChainVersions.Keyed);
        events.ShouldAllBe(e => e.Hash == AuditHash.Keyed(e, Key) && e.Hash != AuditHash.Unkeyed(e));
    }

    [Fact]
    public async Task NamesAnEditReHashedWithoutTheKeyThroughTheWholeTail()
    {
        await RecordAsync(6);

        // Plain SHA-256 over the edited event and every one after it, each linked to the one before: what verified
        // as intact while the chain was unkeyed.
        await AuditTamper.RewriteTailAsync(Studio, 3, e => e.DataJson = """{"attempt":0}""", AuditHash.Unkeyed);

        var result = await Verifier.VerifyAsync();
        (result.Ok, result.Position, result.EventsChecked).ShouldBe((false, 3L, 2L));
        result.Problem!.ShouldStartWith("Audit event 3 was changed");
    }

    [Fact]
    public async Task NamesATailDowngradedToUnkeyedHashes()
    {
        await RecordAsync(6);

        await AuditTamper.RewriteTailAsync(Studio, 3, e => e.DataJson = """{"attempt":0}""", e =>
        {
            e.ChainVersion = AuditChainVersions.Unkeyed;
            return AuditHash.Unkeyed(e);
        });

        var result = await Verifier.VerifyAsync();
        (result.Ok, result.Position).ShouldBe((false, 3L));
        result.Problem.ShouldBe("Audit event 3 is unkeyed but follows keyed event 2: the log was rewritten without the key from here on.");
    }

    [Fact]
    public async Task NamesTheNewestEventsDeletedAfterTheHeadWasAnchored()
    {
        await RecordAsync(8);
        (await Verifier.VerifyAsync()).Ok.ShouldBeTrue(); // anchors event 8

        await AuditTamper.RunAsync(Studio, """DELETE FROM "AuditEvents" WHERE "Sequence" >= 6""");

        var result = await Verifier.VerifyAsync();
        (result.Ok, result.Position, result.EventsChecked).ShouldBe((false, 6L, 5L));
        result.Problem!.ShouldStartWith("The newest audit events are gone");
        result.Problem.ShouldContain("recorded event 8 as the head, but the log ends at event 5 (events 6 to 8 are missing)");
    }

    [Fact]
    public async Task NamesTheGapLeftByAnEventDeletedInTheMiddle()
    {
        await RecordAsync(6);
        (await Verifier.VerifyAsync()).Ok.ShouldBeTrue();

        await AuditTamper.RunAsync(Studio, """DELETE FROM "AuditEvents" WHERE "Sequence" = 4""");

        var result = await Verifier.VerifyAsync();
        (result.Ok, result.Position).ShouldBe((false, 4L));
        result.Problem.ShouldBe("Audit events are missing: the sequence jumps from 3 to 5 (event 4 is gone).");
    }

    [Fact]
    public async Task TheAnchorCatchesATailReHashedEvenWithTheKey()
    {
        await RecordAsync(5);
        (await Verifier.VerifyAsync()).Ok.ShouldBeTrue(); // anchors event 5

        var key = Key;
        await AuditTamper.RewriteTailAsync(Studio, 3, e => e.DataJson = """{"attempt":0}""", e => AuditHash.Keyed(e, key));

        var result = await Verifier.VerifyAsync();
        (result.Ok, result.Position).ShouldBe((false, 5L));
        result.Problem!.ShouldStartWith("Audit event 5 is not the event anchored at");
        result.Problem.ShouldContain("the log was rewritten at or before event 5");
    }

    [Fact]
    public async Task VerifyAnchorsTheHeadInAnAppendOnlyFileItReadsBack()
    {
        var events = await RecordAsync(3);
        File.Exists(AnchorFile).ShouldBeFalse();

        (await Verifier.VerifyAsync()).AnchorsChecked.ShouldBe(0);
        (await Verifier.VerifyAsync()).AnchorsChecked.ShouldBe(1); // same head: no second line
        await RecordAsync(1);
        var result = await Verifier.VerifyAsync();

        (result.Ok, result.AnchorsChecked).ShouldBe((true, 1));
        AnchorFile.ShouldBe(Path.Combine(Studio.DataFolder, "audit-anchor.json"));
        var lines = Studio.Get<AuditAnchor>().Read();
        lines.Problems.ShouldBeEmpty();
        lines.Lines.Select(a => (a.Sequence, a.ChainVersion, a.Line)).ShouldBe([(3L, 1, 1), (4L, 1, 2)]);
        lines.Lines[0].Hash.ShouldBe(events[2].Hash);
        lines.Lines.ShouldAllBe(a => AuditAnchor.IsAuthentic(a, Key));
        File.ReadAllLines(AnchorFile)[0].ShouldStartWith($$"""{"sequence":3,"hash":"{{events[2].Hash}}","chainVersion":1,"atUtc":"2026-11-29T09:00:00Z","mac":""");
    }

    [Fact]
    public async Task AnAnchorLineWrittenWithoutTheKeyIsReported()
    {
        var events = await RecordAsync(3);
        (await Verifier.VerifyAsync()).Ok.ShouldBeTrue();

        // Someone who can write the data folder but lacks the key tries to move the recorded head back.
        var line = File.ReadAllLines(AnchorFile)[0].Replace("\"sequence\":3", "\"sequence\":2").Replace(events[2].Hash, events[1].Hash);
        File.AppendAllText(AnchorFile, line + "\n");

        var result = await Verifier.VerifyAsync();
        (result.Ok, result.Position).ShouldBe((false, 2L));
        result.Problem!.ShouldContain("line 2 was not written with this chain key");
    }

    [Fact]
    public async Task EveryNthAppendAsksForAnAnchorOfTheCommittedHead()
    {
        var anchor = Studio.Get<AuditAnchor>();
        await RecordAsync(2);
        (await anchor.WaitUntilDueAsync(TimeSpan.Zero, default)).ShouldBeFalse();

        await RecordAsync(98); // AnchorEveryEvents is 100 by default
        (await anchor.WaitUntilDueAsync(TimeSpan.Zero, default)).ShouldBeTrue();
        (await anchor.AnchorCommittedHeadAsync())!.Sequence.ShouldBe(100L);
        (await anchor.AnchorCommittedHeadAsync()).ShouldBeNull(); // unchanged head: nothing more to record
    }

    [Fact]
    public async Task AMissingKeyIsAnErrorNamingTheSettingAndNeverReplacedByANewKey()
    {
        await RecordAsync(2);
        var keyFile = Studio.Get<AuditChainKey>().KeyFilePath;
        File.Delete(keyFile);

        // A process that starts now, without the key (the singletons above keep theirs in memory).
        var keys = ActivatorUtilities.CreateInstance<AuditChainKey>(Studio.Services);
        var anchor = ActivatorUtilities.CreateInstance<AuditAnchor>(Studio.Services, keys);
        var result = await ActivatorUtilities.CreateInstance<AuditVerifier>(Studio.Services, keys, anchor).VerifyAsync();
        (result.Ok, result.KeyMissing).ShouldBe((false, true));
        result.Problem!.ShouldContain("set Audit:ChainKey");
        result.Problem!.ShouldContain(keyFile);

        var log = ActivatorUtilities.CreateInstance<AuditLog>(Studio.Services, keys, anchor);
        (await Should.ThrowAsync<AuditChainKeyMissingException>(() => log.RecordAsync(new AuditEntry("a", "x.y", "Thing", "1"))))
            .Message.ShouldContain("Audit:ChainKey");
        File.Exists(keyFile).ShouldBeFalse();
    }

    [Fact]
    public async Task AConfiguredKeyIsUsedAndNoKeyFileIsWritten()
    {
        const string configured = "a-chain-key-from-the-environment-0123456789";
        var keys = ActivatorUtilities.CreateInstance<AuditChainKey>(Studio.Services, Options.Create(new AuditOptions { ChainKey = configured }));
        var anchor = ActivatorUtilities.CreateInstance<AuditAnchor>(Studio.Services, keys);
        var log = ActivatorUtilities.CreateInstance<AuditLog>(Studio.Services, keys, anchor);

        var e = await log.RecordAsync(new AuditEntry("a", "x.y", "Thing", "1"));

        e.Hash.ShouldBe(AuditHash.Keyed(e, Encoding.UTF8.GetBytes(configured)));
        File.Exists(keys.KeyFilePath).ShouldBeFalse();
        (await ActivatorUtilities.CreateInstance<AuditVerifier>(Studio.Services, keys, anchor).VerifyAsync()).Ok.ShouldBeTrue();
    }
}

public sealed class SqliteAuditKeyedChainTests : AuditKeyedChainTests
{
    protected override Task<(DatabaseProvider, string, Action?)> CreateDatabaseAsync() =>
        Task.FromResult<(DatabaseProvider, string, Action?)>(TestDatabases.Sqlite());
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresAuditKeyedChainTests(PostgresServer server) : AuditKeyedChainTests
{
    protected override Task<(DatabaseProvider, string, Action?)> CreateDatabaseAsync() =>
        TestDatabases.PostgresAsync(server, nameof(PostgresAuditKeyedChainTests));
}
