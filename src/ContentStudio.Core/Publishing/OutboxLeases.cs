using ContentStudio.Core.Data.Leasing;

namespace ContentStudio.Core.Publishing;

/// <summary>Outbox deliveries as leased work: taken when due, committed before anything is sent, so a dispatcher that
/// dies mid-send leaves leases that run out and another dispatcher takes the rows over (at least once; receivers
/// deduplicate by the delivery id). Deliveries to disabled targets are not taken.</summary>
internal static class OutboxLeases
{
    public static readonly LeaseQueue<OutboxMessage> Queue = new()
    {
        Table = "OutboxMessages",
        Waiting = now => m => m.Status == OutboxStatus.Pending && m.NextAttemptUtc <= now,
        Leased = m => m.Status == OutboxStatus.Sending,
        // A new token with every claim: a stale writer holding the old one cannot overwrite the new holder's outcome.
        MarkLeased = s => s.SetProperty(m => m.Status, OutboxStatus.Sending).SetProperty(m => m.ConcurrencyToken, Guid.NewGuid()),
        WaitingSql = """c."Status" = 'Pending' AND c."NextAttemptUtc" <= @now""",
        LeasedSql = """c."Status" = 'Sending'""",
        MarkLeasedSql = """ "Status" = 'Sending', "ConcurrencyToken" = gen_random_uuid()""",
    };

    /// <summary>Due deliveries to enabled targets, the longest waiting first.</summary>
    public static LeaseFilter<OutboxMessage> ToEnabledTargets { get; } = new(
        (db, rows) => rows.Where(m => db.PublishTargets.Any(t => t.Id == m.TargetId && t.Enabled))
            .OrderBy(m => m.NextAttemptUtc).ThenBy(m => m.CreatedUtc),
        """JOIN "PublishTargets" AS t ON t."Id" = c."TargetId" """,
        """AND t."Enabled" """,
        """c."NextAttemptUtc", c."CreatedUtc" """,
        []);
}
