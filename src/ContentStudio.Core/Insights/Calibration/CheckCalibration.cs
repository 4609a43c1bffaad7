using ContentStudio.Core.Checks;
using ContentStudio.Core.Data;
using ContentStudio.Core.Kernel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ContentStudio.Core.Insights.Calibration;

/// <summary>Calibrates the checks by reviewers' verdicts (docs/insights-maths.md, "Checks calibrated by reviewers").
/// A variant is evidence once: its final verdict (approve, override-approve, reject, request changes) taken in the period
/// on the content its stored check report describes (the decision's content hash is the variant's). Every rule and
/// category with a warning or blocker finding on it is then upheld (rejected, changes requested) or overruled
/// (approved anyway); a negative verdict on copy without such findings is a possible miss. Info findings are advice
/// and gate nothing, so they are not evidence. The decision rows are streamed in variant order and only the tallies
/// are kept in memory.</summary>
public sealed class CheckCalibration(IDbContextFactory<StudioDbContext> dbFactory, IOptions<InsightsOptions> options)
{
    /// <summary>Overruled examples kept per rule or category, and possible misses kept in all.</summary>
    public const int ExamplesPerRule = 3;

    public async Task<CalibrationReport> ForPeriodAsync(string? brand, DateTime fromUtc, DateTime toUtc, StudioUser user, CancellationToken ct = default)
    {
        Access.Demand(user, StudioPermission.ReadInsights);
        if (toUtc <= fromUtc) throw new ArgumentException($"the period is empty: 'to' ({toUtc:yyyy-MM-dd}) must be after 'from' ({fromUtc:yyyy-MM-dd})");
        var settings = options.Value.ToCalibrationSettings();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows =
            from d in db.ReviewDecisions.AsNoTracking()
            join v in db.Variants on d.VariantId equals v.Id
            join c in db.Campaigns on v.CampaignId equals c.Id
            where (d.Action == ReviewAction.Approve || d.Action == ReviewAction.OverrideApprove || d.Action == ReviewAction.Reject
                   || d.Action == ReviewAction.RequestChanges)
                  && d.AtUtc >= fromUtc && d.AtUtc < toUtc && (brand == null || c.BrandSlug == brand)
            orderby d.VariantId, d.AuditSequence, d.AtUtc
            select new Row(d.VariantId, d.Action, d.Comment, d.ContentHash == v.ContentHash, v.CheckReportJson, v.CampaignFindingsJson);

        var rules = new Tally();
        var categories = new Tally();
        var missed = new List<CalibrationExample>();
        int misses = 0, negatives = 0, decided = 0, notComparable = 0;
        Row? last = null;
        Guid? current = null;
        var anyVerdict = false;
        void Close()
        {
            if (!anyVerdict) return;
            if (last is null) { notComparable++; return; }
            decided++;
            var verdict = last.Value;
            var upheld = verdict.Action is ReviewAction.Reject or ReviewAction.RequestChanges;
            var findings = StoredReports.Deserialize(verdict.ReportJson)?.Findings.AsEnumerable() ?? [];
            findings = findings.Concat(StoredReports.DeserializeFindings(verdict.CampaignFindingsJson)).Where(f => f.Severity >= Severity.Warning).ToList();
            if (upheld) negatives++;
            if (!findings.Any())
            {
                if (!upheld) return;
                misses++;
                Keep(missed, new CalibrationExample(verdict.VariantId, verdict.Action.ToString(), "", verdict.Comment));
                return;
            }
            rules.Add(findings.GroupBy(f => f.RuleId), verdict, upheld);
            categories.Add(findings.GroupBy(f => f.Category), verdict, upheld);
        }
        await foreach (var row in rows.AsAsyncEnumerable().WithCancellation(ct))
        {
            if (row.VariantId != current)
            {
                Close();
                (current, last, anyVerdict) = (row.VariantId, null, false);
            }
            anyVerdict = true;
            if (row.OnCurrentContent) last = row; // the latest verdict on the content the report describes
        }
        Close();

        var missRate = negatives >= settings.MinimumDecisions ? (double?)misses / negatives : null;
        return new CalibrationReport(brand, fromUtc, toUtc, settings, decided, notComparable,
            rules.Results(settings, RuleNames.Label), categories.Results(settings, CategoryLabel),
            new MissedCalibration(misses, negatives, missRate, missRate is null ? null : Statistics.Proportions.Wilson(misses, negatives, settings.Confidence), missed));
    }

    private static string CategoryLabel(string category) => RuleNames.Label(category);

    /// <summary>Keeps the first examples, preferring those whose reviewer wrote why (a justification says more than a bare approval).</summary>
    private static void Keep(List<CalibrationExample> examples, CalibrationExample example)
    {
        if (examples.Count < ExamplesPerRule) { examples.Add(example); return; }
        if (example.Comment is null) return;
        var bare = examples.FindIndex(e => e.Comment is null);
        if (bare >= 0) examples[bare] = example;
    }

    private readonly record struct Row(Guid VariantId, ReviewAction Action, string? Comment, bool OnCurrentContent, string? ReportJson,
        string? CampaignFindingsJson);

    /// <summary>Counts per key (a rule id or a category): each variant counts once per key, at its most serious finding.</summary>
    private sealed class Tally
    {
        private readonly Dictionary<string, Counts> _byKey = new(StringComparer.Ordinal);

        public void Add(IEnumerable<IGrouping<string, Finding>> groups, Row verdict, bool upheld)
        {
            foreach (var g in groups)
            {
                if (!_byKey.TryGetValue(g.Key, out var counts)) _byKey[g.Key] = counts = new Counts();
                var worst = g.MaxBy(f => f.Severity)!;
                counts.Severity = (Severity)Math.Max((int)counts.Severity, (int)worst.Severity);
                if (upheld) { counts.Upheld++; continue; }
                counts.Overruled++;
                if (verdict.Action == ReviewAction.OverrideApprove) counts.Overrides++;
                Keep(counts.Examples, new CalibrationExample(verdict.VariantId, verdict.Action.ToString(), worst.Text.Length > 0 ? worst.Text : worst.Message,
                    verdict.Comment));
            }
        }

        /// <summary>Most overruled first (by the share of decided variants, then the count), so the rules to look at lead.</summary>
        public IReadOnlyList<RuleCalibration> Results(CalibrationSettings settings, Func<string, string> label) =>
            _byKey.Select(p =>
                {
                    var (precision, interval, advice, text) = CalibrationAdvisor.Advise(p.Value.Upheld, p.Value.Overruled, p.Value.Severity, settings);
                    return new RuleCalibration(p.Key, label(p.Key), p.Value.Severity, p.Value.Upheld, p.Value.Overruled, p.Value.Overrides, precision,
                        interval, advice, text, p.Value.Examples);
                })
                .OrderByDescending(r => r.OverruleRate).ThenByDescending(r => r.Overruled).ThenBy(r => r.Key, StringComparer.Ordinal)
                .ToList();

        private sealed class Counts
        {
            public int Upheld, Overruled, Overrides;
            public Severity Severity = Severity.Info;
            public List<CalibrationExample> Examples { get; } = [];
        }
    }
}
