using Microsoft.EntityFrameworkCore;
using ContentStudio.Core.Data;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Core.Audit;

/// <summary>Filters of the audit page and its export; null or blank matches everything. <see cref="ActionKind"/> is the
/// part of an action before its dot ("auth" matches auth.signed-in, auth.access-denied, …). Times are UTC,
/// <see cref="ToUtc"/> exclusive.</summary>
public sealed record AuditFilter(string? Actor = null, string? EntityId = null, string? Action = null,
    DateTime? FromUtc = null, DateTime? ToUtc = null, int Page = 1, string? ActionKind = null, string? EntityType = null);

public sealed record AuditPage(IReadOnlyList<AuditEvent> Events, int Total, int Page, int PageSize)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>Read-only search over the audit log, newest first (the log's Sequence index orders it). The filters run in
/// the database, so a page costs one count and one page of rows however long the log is.</summary>
public sealed class AuditSearch(IDbContextFactory<StudioDbContext> dbFactory)
{
    public const int PageSize = 50;

    /// <summary>A page of audit events matching <paramref name="f"/>; only for those who may read the log.</summary>
    public async Task<AuditPage> SearchAsync(AuditFilter f, StudioUser user, CancellationToken ct = default)
    {
        Access.Demand(user, StudioPermission.ReadAudit);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var q = Matching(db, f);
        var total = await q.CountAsync(ct);
        var page = Math.Max(1, f.Page);
        var events = await q.OrderByDescending(e => e.Sequence).Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        return new AuditPage(events, total, page, PageSize);
    }

    /// <summary>Every event matching <paramref name="f"/> (its page ignored) as CSV, oldest first, at most
    /// <see cref="AuditCsv.MaxRows"/> rows (the newest ones; a last line says when more matched). Same permission as the page.</summary>
    public async Task<AuditExport> ExportCsvAsync(AuditFilter f, StudioUser user, CancellationToken ct = default)
    {
        Access.Demand(user, StudioPermission.ReadAudit);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var q = Matching(db, f);
        var total = await q.CountAsync(ct);
        var events = await q.OrderByDescending(e => e.Sequence).Take(AuditCsv.MaxRows).ToListAsync(ct);
        events.Reverse();
        return new AuditExport(AuditCsv.Write(events, total), events.Count, total);
    }

    public async Task<IReadOnlyList<string>> ActionsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.AuditEvents.AsNoTracking().Select(e => e.Action).Distinct().OrderBy(a => a).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<string>> EntityTypesAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.AuditEvents.AsNoTracking().Select(e => e.EntityType).Distinct().OrderBy(a => a).ToListAsync(ct);
    }

    /// <summary>"review.approved" → "review": the kinds the page offers, from the actions the log holds.</summary>
    public static IReadOnlyList<string> KindsOf(IEnumerable<string> actions) =>
        actions.Select(KindOf).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    public static string KindOf(string action) => action.IndexOf('.') is var dot and > 0 ? action[..dot] : action;

    private static IQueryable<AuditEvent> Matching(StudioDbContext db, AuditFilter f)
    {
        var q = db.AuditEvents.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(f.Actor)) { var actor = f.Actor.Trim(); q = q.Where(e => e.Actor == actor); }
        if (!string.IsNullOrWhiteSpace(f.EntityType)) { var type = f.EntityType.Trim(); q = q.Where(e => e.EntityType == type); }
        if (!string.IsNullOrWhiteSpace(f.EntityId)) { var id = f.EntityId.Trim(); q = q.Where(e => e.EntityId == id); }
        if (!string.IsNullOrWhiteSpace(f.Action)) { var action = f.Action.Trim(); q = q.Where(e => e.Action == action); }
        if (!string.IsNullOrWhiteSpace(f.ActionKind)) { var prefix = f.ActionKind.Trim() + "."; q = q.Where(e => e.Action.StartsWith(prefix)); }
        if (f.FromUtc is { } from) q = q.Where(e => e.AtUtc >= from);
        if (f.ToUtc is { } to) q = q.Where(e => e.AtUtc < to);
        return q;
    }
}

/// <summary>An export: the CSV text, how many events it holds and how many matched.</summary>
public sealed record AuditExport(string Csv, int Rows, int Matched)
{
    public bool Truncated => Rows < Matched;
}
