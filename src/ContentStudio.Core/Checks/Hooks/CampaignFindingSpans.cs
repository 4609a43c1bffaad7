namespace ContentStudio.Core.Checks.Hooks;

/// <summary>Campaign findings compare a variant with the others of its run, so an edit cannot re-run them alone; they
/// stay (and still count toward the gate) until the next run. Their spans, though, point into the text as it was: after
/// an edit a span is looked up afresh in the new text (the words the finding quotes, where they now are, when they occur
/// exactly once) or, failing that, the finding points at the whole field. A span is never shifted by an offset.</summary>
public static class CampaignFindingSpans
{
    public static IReadOnlyList<Finding> AfterEdit(IReadOnlyList<Finding> findings, IReadOnlyDictionary<string, string> newFields) =>
        [.. findings.Select(f => Relocate(f, newFields))];

    private static Finding Relocate(Finding f, IReadOnlyDictionary<string, string> fields)
    {
        if (f.Length == 0 || !fields.TryGetValue(f.Field, out var text)) return f;
        if (Replacements.StillReads(text, f)) return f;
        var at = text.IndexOf(f.Text, StringComparison.Ordinal);
        var once = at >= 0 && text.IndexOf(f.Text, at + 1, StringComparison.Ordinal) < 0;
        return once ? f with { Start = at } : f with { Start = 0, Length = 0, Text = "" };
    }
}
