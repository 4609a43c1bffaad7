using Microsoft.EntityFrameworkCore;
using ContentStudio.Core.Audit;
using ContentStudio.Core.Data;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Core.Review.Queue;

/// <summary>Filters of the audit page; null matches everything. Times are UTC, <see cref="ToUtc"/> exclusive.</summary>
public sealed record AuditFilter(string? Actor = null, string? EntityId = null, string? Action = null,
    DateTime? FromUtc = null, DateTime? ToUtc = null, int Page = 1);

public sealed record AuditPage(IReadOnlyList<AuditEvent> Events, int Total, int Page, int PageSize)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>Read-only search over the audit log, newest first (the log's Sequence index orders it).</summary>
public sealed class AuditSearch(IDbContextFactory<StudioDbContext> dbFactory)
{
    public const int PageSize = 50;

    /// <summary>A page of audit events matching <paramref name="f"/>; only for those who may read the log.</summary>
    public async Task<AuditPage> SearchAsync(AuditFilter f, StudioUser user, CancellationToken ct = default)
    {
        Access.Demand(user, StudioPermission.ReadAudit);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var q = db.AuditEvents.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(f.Actor)) q = q.Where(e => e.Actor == f.Actor.Trim());
        if (!string.IsNullOrWhiteSpace(f.EntityId)) q = q.Where(e => e.EntityId == f.EntityId.Trim());
        if (!string.IsNullOrWhiteSpace(f.Action)) q = q.Where(e => e.Action == f.Action.Trim());
        if (f.FromUtc is { } from) q = q.Where(e => e.AtUtc >= from);
        if (f.ToUtc is { } to) q = q.Where(e => e.AtUtc < to);
        var total = await q.CountAsync(ct);
        var page = Math.Max(1, f.Page);
        var events = await q.OrderByDescending(e => e.Sequence).Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        return new AuditPage(events, total, page, PageSize);
    }

    public async Task<IReadOnlyList<string>> ActionsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.AuditEvents.AsNoTracking().Select(e => e.Action).Distinct().OrderBy(a => a).ToListAsync(ct);
    }
}
