using Microsoft.EntityFrameworkCore;
using ContentStudio.Core.Data;

namespace ContentStudio.Core.Audit;

/// <summary>The outcome of walking the chain. <see cref="Position"/> is the sequence number where it first breaks.
/// <see cref="KeyMissing"/>: the log could not be checked because the chain key is not available (the problem names
/// the setting); that is neither intact nor proven broken.</summary>
public sealed record AuditVerification(bool Ok, long EventsChecked, string? Problem, long? Position)
{
    public string? HeadHash { get; init; }
    public bool KeyMissing { get; init; }
    /// <summary>Anchor records the log was compared with.</summary>
    public int AnchorsChecked { get; init; }
}

/// <summary>Re-computes every event's hash in sequence order, checks the links, and compares the log with every head
/// recorded in the anchor file. Reports the first break, naming its sequence number: a changed event (its hash no
/// longer matches; for a keyed event that includes one re-hashed without the key), missing events (a gap), an event
/// that does not link to the one before, an unkeyed event after a keyed one (a downgrade), an event that differs from
/// the anchored head (the tail was rewritten), or a log that ends before an anchored head (the newest events were
/// removed). An intact log's head is anchored.</summary>
public sealed class AuditVerifier(IDbContextFactory<StudioDbContext> dbFactory, AuditChainKey keys, AuditAnchor anchor)
{
    public async Task<AuditVerification> VerifyAsync(CancellationToken ct = default)
    {
        var anchors = anchor.Read();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var key = keys.TryGet();
        if (key is null && (anchors.Lines.Count > 0 || await db.AuditEvents.AnyAsync(e => e.ChainVersion != AuditChainVersions.Unkeyed, ct)))
            return new(false, 0, keys.Missing().Message, null) { KeyMissing = true };
        if (anchors.Problems.Count > 0) return new(false, 0, anchors.Problems[0], null);
        if (key is not null && anchors.Lines.FirstOrDefault(a => !AuditAnchor.IsAuthentic(a, key)) is { } forged)
            return new(false, 0, $"{anchor.FilePath} line {forged.Line} was not written with this chain key: the anchor was forged, " +
                                 $"or {AuditOptions.ChainKeySetting} is not the key the log was written with.", forged.Sequence);
        var anchored = anchors.Lines.ToLookup(a => a.Sequence);

        var walk = new ChainWalk();
        await foreach (var e in db.AuditEvents.AsNoTracking().OrderBy(x => x.Sequence).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (walk.Check(e, key) is { } problem) return Broken(walk.Checked, problem.Position, problem.Text);
            if (anchored[e.Sequence].FirstOrDefault(a => !AuditHash.Matches(a.Hash, e.Hash)) is { } differs)
                return Broken(walk.Checked, e.Sequence,
                    $"Audit event {e.Sequence} is not the event anchored at {AuditHash.FormatTime(differs.AtUtc)} ({anchor.FilePath} line {differs.Line}): " +
                    $"the log was rewritten at or before event {e.Sequence}.");
            walk.Accept(e);
        }

        if (anchors.Lines.MaxBy(a => a.Sequence) is { } newest && newest.Sequence > walk.Head)
            return Broken(walk.Checked, walk.Head + 1,
                $"The newest audit events are gone: the anchor of {AuditHash.FormatTime(newest.AtUtc)} ({anchor.FilePath} line {newest.Line}) " +
                $"recorded event {newest.Sequence} as the head, but the log ends at {(walk.Head == 0 ? "no event at all" : $"event {walk.Head}")} " +
                $"(event{(newest.Sequence - walk.Head == 1 ? $" {newest.Sequence} is" : $"s {walk.Head + 1} to {newest.Sequence} are")} missing).");

        if (walk.Head > 0) await anchor.WriteAsync(walk.Head, walk.HeadHash, walk.HeadVersion, ct);
        return new(true, walk.Checked, null, null) { HeadHash = walk.Head == 0 ? null : walk.HeadHash, AnchorsChecked = anchors.Lines.Count };
    }

    private static AuditVerification Broken(long checkedCount, long position, string problem) => new(false, checkedCount, problem, position);

    /// <summary>The rules one event must meet given the ones before it.</summary>
    private sealed class ChainWalk
    {
        public long Head { get; private set; }
        public string HeadHash { get; private set; } = AuditHash.Genesis;
        public int HeadVersion { get; private set; } = AuditChainVersions.Unkeyed;
        public long Checked { get; private set; }

        public (long Position, string Text)? Check(AuditEvent e, byte[]? key)
        {
            var expected = Head + 1;
            if (e.Sequence != expected)
                return (expected, e.Sequence > expected
                    ? $"Audit events are missing: the sequence jumps from {expected - 1} to {e.Sequence} " +
                      $"(event{(e.Sequence - expected == 1 ? $" {expected} is" : $"s {expected} to {e.Sequence - 1} are")} gone)."
                    : $"Audit event {e.Sequence} is out of place: expected sequence {expected}.");
            if (e.ChainVersion is not (AuditChainVersions.Unkeyed or AuditChainVersions.Keyed))
                return (e.Sequence, $"Audit event {e.Sequence} has an unknown chain version {e.ChainVersion}.");
            if (e.ChainVersion < HeadVersion)
                return (e.Sequence, $"Audit event {e.Sequence} is unkeyed but follows keyed event {Head}: the log was rewritten without the key from here on.");
            if (!AuditHash.Matches(AuditHash.Compute(e, key), e.Hash))
                return (e.Sequence, $"Audit event {e.Sequence} was changed: its stored hash does not match its content " +
                                    $"({e.Action} by {(e.Actor.Length == 0 ? "(nobody)" : e.Actor)} on {e.EntityType} {e.EntityId})" +
                                    (e.ChainVersion == AuditChainVersions.Keyed && HeadVersion == AuditChainVersions.Unkeyed
                                        ? $"; as the first keyed event it also fails when {AuditOptions.ChainKeySetting} is not the key the log was written with." : "."));
            if (e.PreviousHash != HeadHash)
                return (e.Sequence, e.Sequence == 1
                    ? "Audit event 1 does not start the chain: its previous hash is not the genesis hash (events before it were removed and the chain re-linked)."
                    : $"Audit event {e.Sequence} does not link to event {e.Sequence - 1}: the chain was re-linked " +
                      $"(event {e.Sequence - 1} was changed and re-hashed, or event {e.Sequence} was rewritten).");
            return null;
        }

        public void Accept(AuditEvent e)
        {
            (Head, HeadHash, HeadVersion) = (e.Sequence, e.Hash, e.ChainVersion);
            Checked++;
        }
    }
}
