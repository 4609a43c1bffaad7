using Microsoft.EntityFrameworkCore;
using ContentStudio.Core.Data;
using ContentStudio.Core.Identity;
using ContentStudio.Core.Review;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Core.Segments;

/// <summary>The brand's segments in the database: listed, read, replaced wholesale by an import, seeded once.</summary>
public sealed class SegmentStore(IDbContextFactory<StudioDbContext> dbFactory, TimeProvider clock)
{
    public async Task<IReadOnlyList<Segment>> ListAsync(string brandSlug, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Segments.AsNoTracking().Where(s => s.BrandSlug == brandSlug).OrderBy(s => s.Key).ToListAsync(ct);
        return rows.Select(r => r.ToSegment()).ToList();
    }

    public async Task<Segment?> GetAsync(string brandSlug, string key, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.Segments.AsNoTracking().FirstOrDefaultAsync(s => s.BrandSlug == brandSlug && s.Key == key, ct);
        return row?.ToSegment();
    }

    public async Task<IReadOnlyList<string>> KeysAsync(string brandSlug, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Segments.Where(s => s.BrandSlug == brandSlug).OrderBy(s => s.Key).Select(s => s.Key).ToListAsync(ct);
    }

    /// <summary>Adds or updates one segment (the UI's edit form). Brand managers and admins only.</summary>
    public async Task SaveAsync(Segment segment, StudioUser user, CancellationToken ct = default)
    {
        Access.Demand(user, StudioPermission.ManageSegments);
        Check(segment.BrandSlug, [segment]);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.Segments.FirstOrDefaultAsync(s => s.BrandSlug == segment.BrandSlug && s.Key == segment.Key, ct);
        if (row is null) db.Segments.Add(row = new SegmentRecord());
        row.CopyFrom(segment).UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>What <see cref="ReplaceAllAsync"/> with <paramref name="segments"/> would add, change and remove: the
    /// preview an import shows before it is confirmed. Reads only; same permission as the import.</summary>
    public async Task<SegmentImportPlan> PlanReplaceAsync(string brandSlug, IReadOnlyList<Segment> segments, StudioUser user, CancellationToken ct = default)
    {
        Access.Demand(user, StudioPermission.ManageSegments);
        Check(brandSlug, segments);
        return SegmentImportPlan.Compare(await ListAsync(brandSlug, ct), segments);
    }

    /// <summary>Makes the brand's segments exactly <paramref name="segments"/> (an import) in one transaction:
    /// either every row lands or none does and the old list stays. Existing keys keep their row id.</summary>
    public async Task ReplaceAllAsync(string brandSlug, IReadOnlyList<Segment> segments, StudioUser user, CancellationToken ct = default)
    {
        Access.Demand(user, StudioPermission.ManageSegments);
        Check(brandSlug, segments);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var existing = await db.Segments.Where(s => s.BrandSlug == brandSlug).ToDictionaryAsync(s => s.Key, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var segment in segments)
        {
            if (!existing.Remove(segment.Key, out var row)) db.Segments.Add(row = new SegmentRecord());
            row.CopyFrom(segment).UpdatedUtc = now;
        }
        db.Segments.RemoveRange(existing.Values);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>Inserts the given segments for every brand that has none yet (first start, demo data).
    /// Returns how many rows were added.</summary>
    public async Task<int> SeedIfEmptyAsync(IReadOnlyList<Segment> segments, CancellationToken ct = default)
    {
        var added = 0;
        foreach (var brand in segments.GroupBy(s => s.BrandSlug, StringComparer.Ordinal))
        {
            var list = brand.ToList();
            Check(brand.Key, list);
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            if (await db.Segments.AnyAsync(s => s.BrandSlug == brand.Key, ct)) continue;
            var now = clock.GetUtcNow().UtcDateTime;
            foreach (var segment in list) db.Segments.Add(new SegmentRecord { UpdatedUtc = now }.CopyFrom(segment));
            added += await db.SaveChangesAsync(ct);
        }
        return added;
    }

    private static void Check(string brandSlug, IReadOnlyList<Segment> segments)
    {
        if (string.IsNullOrWhiteSpace(brandSlug)) throw new ArgumentException("A segment needs a brand slug.", nameof(brandSlug));
        foreach (var s in segments)
        {
            if (string.IsNullOrWhiteSpace(s.Key)) throw new ArgumentException($"Segment '{s.Name}' has no key.");
            if (s.BrandSlug != brandSlug)
                throw new ArgumentException($"Segment '{s.Key}' belongs to brand '{s.BrandSlug}', not '{brandSlug}'.");
        }
        var duplicate = segments.GroupBy(s => s.Key, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new ArgumentException($"Segment key '{duplicate.Key}' appears more than once for brand '{brandSlug}'.");
    }
}
