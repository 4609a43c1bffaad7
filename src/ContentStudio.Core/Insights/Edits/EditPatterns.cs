using ContentStudio.Core.Data;
using ContentStudio.Core.Kernel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ContentStudio.Core.Insights.Edits;

/// <summary>A change people keep making to generated copy of one brand: "reviewers keep replacing X with Y" (or removing
/// X, or adding Y). <see cref="Variants"/> counts distinct variants (one variant edited three times counts once);
/// <see cref="Suggested"/> from the configured number of variants on. A suggestion for a person, never applied.</summary>
public sealed record EditPattern(string Brand, string Removed, string Added, int Variants, int Edits,
    IReadOnlyDictionary<string, int> Templates, IReadOnlyList<Guid> Examples, bool Suggested, string Suggestion);

/// <summary>What people changed in generated copy over a period: edits read, fields changed, and the repeated phrase
/// changes, most frequent first.</summary>
public sealed record EditPatternsReport(string? Brand, DateTime FromUtc, DateTime ToUtc, int EditsRead, int FieldsChanged, int MinimumVariants,
    IReadOnlyList<EditPattern> Patterns);

/// <summary>Learns from edits (docs/insights-maths.md, "Learning from edits"): every saved edit in the period is diffed
/// field by field, before against after (<see cref="PhraseDiff"/>), and the phrase changes are counted per brand with
/// the templates they came from. Rows are streamed; only the counts are kept, bounded by <see cref="MaxDistinctChanges"/>.</summary>
public sealed class EditPatterns(IDbContextFactory<StudioDbContext> dbFactory, IOptions<InsightsOptions> options)
{
    /// <summary>Distinct (brand, removed, added) changes counted; past it new changes are not tracked (those seen keep counting).</summary>
    public const int MaxDistinctChanges = 50_000;
    public const int MaxPatterns = 50;
    private const int ExamplesPerPattern = 3;

    public async Task<EditPatternsReport> ForPeriodAsync(string? brand, DateTime fromUtc, DateTime toUtc, StudioUser user, CancellationToken ct = default)
    {
        Access.Demand(user, StudioPermission.ReadInsights);
        if (toUtc <= fromUtc) throw new ArgumentException($"the period is empty: 'to' ({toUtc:yyyy-MM-dd}) must be after 'from' ({fromUtc:yyyy-MM-dd})");
        var minimum = options.Value.EditsMinimumVariants;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var edits =
            from e in db.VariantEdits.AsNoTracking()
            join v in db.Variants on e.VariantId equals v.Id
            join c in db.Campaigns on v.CampaignId equals c.Id
            where e.AtUtc >= fromUtc && e.AtUtc < toUtc && (brand == null || c.BrandSlug == brand)
            orderby e.AtUtc, e.AuditSequence
            select new { e.VariantId, e.BeforeJson, e.AfterJson, v.TemplateName, c.BrandSlug };

        var counts = new Dictionary<(string Brand, string Removed, string Added), Counts>();
        int read = 0, fieldsChanged = 0;
        await foreach (var edit in edits.AsAsyncEnumerable().WithCancellation(ct))
        {
            read++;
            var before = VariantFields.Read(edit.BeforeJson);
            var after = VariantFields.Read(edit.AfterJson);
            foreach (var (field, old) in before)
            {
                if (!after.TryGetValue(field, out var now) || string.Equals(old, now, StringComparison.Ordinal)) continue;
                fieldsChanged++;
                foreach (var change in PhraseDiff.Changes(old, now))
                {
                    var key = (edit.BrandSlug, PhraseDiff.Key(change.Removed), PhraseDiff.Key(change.Added));
                    if (!counts.TryGetValue(key, out var c))
                    {
                        if (counts.Count >= MaxDistinctChanges) continue;
                        counts[key] = c = new Counts(change.Removed, change.Added);
                    }
                    c.Edits++;
                    if (c.Variants.Add(edit.VariantId) && c.Examples.Count < ExamplesPerPattern) c.Examples.Add(edit.VariantId);
                    c.Templates[edit.TemplateName] = c.Templates.GetValueOrDefault(edit.TemplateName) + 1;
                }
            }
        }
        var patterns = counts
            .OrderByDescending(p => p.Value.Variants.Count).ThenByDescending(p => p.Value.Edits)
            .ThenBy(p => p.Key.Brand, StringComparer.Ordinal).ThenBy(p => p.Key.Removed, StringComparer.Ordinal).ThenBy(p => p.Key.Added, StringComparer.Ordinal)
            .Take(MaxPatterns)
            .Select(p =>
            {
                var suggested = p.Value.Variants.Count >= minimum;
                return new EditPattern(p.Key.Brand, p.Value.Removed, p.Value.Added, p.Value.Variants.Count, p.Value.Edits,
                    p.Value.Templates.OrderByDescending(t => t.Value).ThenBy(t => t.Key, StringComparer.Ordinal).ToDictionary(t => t.Key, t => t.Value),
                    p.Value.Examples, suggested, Suggest(p.Value, suggested));
            })
            .ToList();
        return new EditPatternsReport(brand, fromUtc, toUtc, read, fieldsChanged, minimum, patterns);
    }

    private static string Suggest(Counts c, bool suggested)
    {
        var n = c.Variants.Count;
        var times = n == 1 ? "1 variant" : $"{n} variants";
        var said = (c.Removed.Length, c.Added.Length) switch
        {
            (> 0, > 0) => $"Reviewers replaced “{c.Removed}” with “{c.Added}” in {times}",
            (> 0, 0) => $"Reviewers removed “{c.Removed}” in {times}",
            _ => $"Reviewers added “{c.Added}” in {times}",
        };
        if (!suggested) return said + ".";
        return (c.Removed.Length, c.Added.Length) switch
        {
            (> 0, > 0) => $"{said}: add “{c.Removed}” to the brand guide's deprecated terms with “{c.Added}” preferred, or tell the template.",
            (> 0, 0) => $"{said}: consider it a banned or deprecated term in the brand guide, or a template instruction not to write it.",
            _ => $"{said}: consider asking for it in the template (or as a required phrase for the channel).",
        };
    }

    private sealed class Counts(string removed, string added)
    {
        public string Removed { get; } = removed;
        public string Added { get; } = added;
        public int Edits;
        public HashSet<Guid> Variants { get; } = [];
        public List<Guid> Examples { get; } = [];
        public Dictionary<string, int> Templates { get; } = new(StringComparer.Ordinal);
    }
}
