using ContentStudio.Core.Audit;
using ContentStudio.Core.Data;
using ContentStudio.Core.Kernel;
using ContentStudio.Core.Publishing;
using Microsoft.EntityFrameworkCore;

namespace ContentStudio.Core.Insights.Results;

/// <summary>What an import did: rows added, replaced with new numbers, or already there with the same numbers; or,
/// when anything was wrong, every problem and nothing written.</summary>
public sealed record ResultsImportReport(int Added, int Updated, int Unchanged, IReadOnlyList<SourceError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
    public override string ToString() => Succeeded
        ? $"{Added} added, {Updated} updated, {Unchanged} unchanged"
        : $"{Errors.Count} problem(s); nothing was imported";
}

/// <summary>Brings results in for published variants. All or nothing: the file is parsed and every row checked
/// against the database (the id exists, the variant is published or the delivery was sent, one row per variant and
/// send date), and only a file without a single problem is written, in one audited transaction. Rows are keyed by
/// variant and send date, so importing the same file twice changes nothing, and a corrected file replaces the numbers.</summary>
public sealed class ResultsImporter(IDbContextFactory<StudioDbContext> dbFactory, AuditLog audit, TimeProvider clock)
{
    /// <summary>Ids looked up per query: well under SQLite's and PostgreSQL's parameter limits.</summary>
    private const int Chunk = 500;

    public async Task<ResultsImportReport> ImportAsync(TextReader csv, string sourceName, StudioUser user, CancellationToken ct = default)
    {
        Access.Demand(user, StudioPermission.ImportResults);
        var parsed = ResultsCsv.Parse(csv, sourceName);
        var errors = parsed.Errors.ToList();
        var resolved = await ResolveAsync(parsed.Rows, sourceName, errors, ct);
        if (errors.Count > 0) return new(0, 0, 0, errors.OrderBy(e => e.Line).ToList());
        if (resolved.Count == 0) return new(0, 0, 0, [new SourceError(sourceName, 0, "The file has a header but no rows.")]);

        var now = clock.GetUtcNow().UtcDateTime;
        return await AuditedTransaction.RunAsync(dbFactory, async db =>
        {
            var ids = resolved.Select(r => r.Result.VariantId).Distinct().ToList();
            var existing = new Dictionary<(Guid, DateTime), VariantResult>();
            foreach (var chunk in ids.Chunk(Chunk))
                foreach (var row in await db.Set<VariantResult>().Where(r => chunk.Contains(r.VariantId)).ToListAsync(ct))
                    existing[(row.VariantId, row.SendDate)] = row;
            int added = 0, updated = 0, unchanged = 0;
            foreach (var (_, incoming) in resolved)
            {
                incoming.ImportedUtc = now;
                incoming.ImportedBy = user.Id;
                if (!existing.TryGetValue((incoming.VariantId, incoming.SendDate), out var row)) { db.Add(incoming); added++; }
                else if (row.SameNumbersAs(incoming)) unchanged++;
                else
                {
                    (row.Impressions, row.Clicks, row.Conversions) = (incoming.Impressions, incoming.Clicks, incoming.Conversions);
                    (row.RevenueMinor, row.Unsubscribes, row.Complaints) = (incoming.RevenueMinor, incoming.Unsubscribes, incoming.Complaints);
                    (row.ImportedUtc, row.ImportedBy, row.Source) = (now, user.Id, incoming.Source);
                    updated++;
                }
            }
            await db.SaveChangesAsync(ct);
            await audit.AppendAsync(db, new AuditEntry(user.Id, AuditActions.ResultsImported, "Results", sourceName,
                new { source = sourceName, rows = resolved.Count, added, updated, unchanged, variants = ids.Count }), ct);
            await db.SaveChangesAsync(ct);
            return new ResultsImportReport(added, updated, unchanged, []);
        }, ct);
    }

    /// <summary>Turns each parsed row into a result for a published variant, or an error on its line.</summary>
    private async Task<List<(int Line, VariantResult Result)>> ResolveAsync(IReadOnlyList<ResultRow> rows, string source, List<SourceError> errors,
        CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var deliveryIds = rows.Where(r => r.DeliveryId is not null).Select(r => r.DeliveryId!.Value).Distinct().ToList();
        var deliveries = new Dictionary<Guid, (Guid VariantId, OutboxStatus Status)>();
        foreach (var chunk in deliveryIds.Chunk(Chunk))
            foreach (var d in await db.OutboxMessages.AsNoTracking().Where(m => chunk.Contains(m.Id)).Select(m => new { m.Id, m.VariantId, m.Status }).ToListAsync(ct))
                deliveries[d.Id] = (d.VariantId, d.Status);
        var variantIds = rows.Select(r => r.VariantId).OfType<Guid>().Concat(deliveries.Values.Select(d => d.VariantId)).Distinct().ToList();
        var variants = new Dictionary<Guid, (Guid CampaignId, ReviewState State)>();
        foreach (var chunk in variantIds.Chunk(Chunk))
            foreach (var v in await db.Variants.AsNoTracking().Where(v => chunk.Contains(v.Id)).Select(v => new { v.Id, v.CampaignId, v.ReviewState }).ToListAsync(ct))
                variants[v.Id] = (v.CampaignId, v.ReviewState);

        var today = clock.GetUtcNow().UtcDateTime.Date;
        var seen = new Dictionary<(Guid, DateTime), int>();
        var resolved = new List<(int, VariantResult)>();
        foreach (var row in rows)
        {
            void Error(string message) => errors.Add(new SourceError(source, row.Line, message));
            Guid variantId;
            if (row.DeliveryId is { } deliveryId)
            {
                if (!deliveries.TryGetValue(deliveryId, out var delivery)) { Error($"Column '{ResultsCsv.DeliveryId}': no publication has the delivery id {deliveryId}."); continue; }
                if (delivery.Status != OutboxStatus.Sent) { Error($"Column '{ResultsCsv.DeliveryId}': delivery {deliveryId} was not sent (it is {delivery.Status}); results are taken only for sent publications."); continue; }
                if (row.VariantId is { } given && given != delivery.VariantId)
                {
                    Error($"Columns '{ResultsCsv.VariantId}' and '{ResultsCsv.DeliveryId}' disagree: delivery {deliveryId} published variant {delivery.VariantId}, not {given}.");
                    continue;
                }
                variantId = delivery.VariantId;
            }
            else variantId = row.VariantId!.Value;

            if (!variants.TryGetValue(variantId, out var variant)) { Error($"Column '{ResultsCsv.VariantId}': no variant has the id {variantId}."); continue; }
            if (variant.State != ReviewState.Published)
            {
                Error($"Variant {variantId} is {variant.State}, not published; results are taken only for published variants.");
                continue;
            }
            if (row.SendDate > today) { Error($"Column '{ResultsCsv.SendDate}': {row.SendDate:yyyy-MM-dd} is in the future (today is {today:yyyy-MM-dd} UTC)."); continue; }
            if (!seen.TryAdd((variantId, row.SendDate), row.Line))
            {
                Error($"Variant {variantId} on {row.SendDate:yyyy-MM-dd} is already on line {seen[(variantId, row.SendDate)]}; one row per variant and send date.");
                continue;
            }
            resolved.Add((row.Line, new VariantResult
            {
                VariantId = variantId, CampaignId = variant.CampaignId, SendDate = row.SendDate, Impressions = row.Impressions, Clicks = row.Clicks,
                Conversions = row.Conversions, RevenueMinor = row.RevenueMinor, Unsubscribes = row.Unsubscribes, Complaints = row.Complaints,
                Source = $"{source}:{row.Line}",
            }));
        }
        return resolved;
    }
}
