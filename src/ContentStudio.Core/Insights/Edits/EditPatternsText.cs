using System.Globalization;
using System.Text;

namespace ContentStudio.Core.Insights.Edits;

/// <summary>The edit patterns as text (the CLI) and as metric lines (CSV export), the same figures the Insights page shows.</summary>
public static class EditPatternsText
{
    public static string Text(EditPatternsReport r)
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.Append(c, $"What reviewers change ({r.EditsRead} edits, {r.FieldsChanged} fields changed; suggested from {r.MinimumVariants} variants)\n");
        var suggested = r.Patterns.Where(p => p.Suggested).ToList();
        if (suggested.Count == 0) text.Append("  no phrase change repeated often enough for a suggestion\n");
        foreach (var p in suggested)
            text.Append(c, $"  [{p.Brand}] {p.Suggestion} Templates: {string.Join(", ", p.Templates.Select(t => $"{Name(t.Key)} {t.Value}"))}.\n");
        return text.ToString();
    }

    public static MetricCsv WriteCsv(EditPatternsReport r, MetricCsv csv)
    {
        csv.Line("edits_read", "", r.EditsRead);
        csv.Line("fields_changed", "", r.FieldsChanged);
        foreach (var p in r.Patterns)
        {
            var key = $"{p.Brand}: {p.Removed} -> {p.Added}";
            csv.Line("edit_pattern_variants", key, p.Variants);
            csv.Line("edit_pattern_suggested", key, p.Suggested);
        }
        return csv;
    }

    public static string Name(string template) => template.Length == 0 ? "(no template)" : template;
}
