using Microsoft.EntityFrameworkCore;
using ContentStudio.Core.Data;

namespace ContentStudio.Core.Audit;

/// <summary>The outcome of walking the chain. <see cref="Position"/> is the sequence number where it first breaks.
/// <see cref="HeadHash"/> is the newest event's hash: keep it somewhere else to detect removal of the newest
/// events, which the chain alone cannot show.</summary>
public sealed record AuditVerification(bool Ok, long EventsChecked, string? Problem, long? Position)
{
    public string? HeadHash { get; init; }
}

/// <summary>Re-computes every event's hash in sequence order and checks the links. Reports the first break:
/// a changed event (its hash no longer matches its content), missing events (a gap in the sequence), or an event
/// that does not link to the one before (an earlier event was changed and re-hashed, or the chain re-linked).</summary>
public sealed class AuditVerifier(IDbContextFactory<StudioDbContext> dbFactory)
{
    public async Task<AuditVerification> VerifyAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        long expected = 1, checkedCount = 0;
        var previousHash = AuditHash.Genesis;
        await foreach (var e in db.AuditEvents.AsNoTracking().OrderBy(x => x.Sequence).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (e.Sequence != expected)
                return Broken(checkedCount, expected, e.Sequence > expected
                    ? $"Audit events are missing: the sequence jumps from {expected - 1} to {e.Sequence} " +
                      $"(event{(e.Sequence - expected == 1 ? $" {expected} is" : $"s {expected} to {e.Sequence - 1} are")} gone)."
                    : $"Audit event {e.Sequence} is out of place: expected sequence {expected}.");
            if (AuditHash.Compute(e) != e.Hash)
                return Broken(checkedCount, e.Sequence,
                    $"Audit event {e.Sequence} was changed: its stored hash does not match its content ({e.Action} by {Show(e.Actor)} on {e.EntityType} {e.EntityId}).");
            if (e.PreviousHash != previousHash)
                return Broken(checkedCount, e.Sequence, e.Sequence == 1
                    ? "Audit event 1 does not start the chain: its previous hash is not the genesis hash (events before it were removed and the chain re-linked)."
                    : $"Audit event {e.Sequence} does not link to event {e.Sequence - 1}: the chain was re-linked " +
                      $"(event {e.Sequence - 1} was changed and re-hashed, or event {e.Sequence} was rewritten).");
            previousHash = e.Hash;
            expected++;
            checkedCount++;
        }
        return new AuditVerification(true, checkedCount, null, null) { HeadHash = checkedCount == 0 ? null : previousHash };
    }

    private static AuditVerification Broken(long checkedCount, long position, string problem) =>
        new(false, checkedCount, problem, position);

    private static string Show(string actor) => actor.Length == 0 ? "(nobody)" : actor;
}
