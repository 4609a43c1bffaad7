using System.Globalization;
using System.Text;

namespace ContentStudio.Core.Audit;

/// <summary>Audit events as CSV (RFC 4180) a spreadsheet opens safely. Actors, entity ids and details come from
/// people (a typed user name on a failed sign-in, a rejection reason), so a cell that a spreadsheet would run as a
/// formula (starting with = + - @, tab or carriage return) gets a leading apostrophe: OWASP's advice against CSV
/// injection. Details are the labelled fields the page shows ("reason: …; via: api"), not JSON.</summary>
public static class AuditCsv
{
    /// <summary>An export holds at most this many events (the newest of those that match): narrow the filter for more.</summary>
    public const int MaxRows = 50_000;

    public static readonly string[] Header = ["sequence", "at_utc", "actor", "action", "action_label", "entity_type", "entity_id", "details", "hash"];

    public static string Write(IReadOnlyList<AuditEvent> events, int matched)
    {
        var csv = new StringBuilder();
        Line(csv, Header);
        foreach (var e in events)
            Line(csv, [e.Sequence.ToString(CultureInfo.InvariantCulture), e.AtUtc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                e.Actor, e.Action, AuditDetails.ActionLabel(e.Action), e.EntityType, e.EntityId,
                string.Join("; ", AuditDetails.Fields(e.DataJson).Select(p => $"{p.Label}: {p.Value}")), e.Hash]);
        if (matched > events.Count)
            Line(csv, ["", "", "", "", $"{matched - events.Count} older matching event(s) not exported (limit {MaxRows}): narrow the filter", "", "", "", ""]);
        return csv.ToString();
    }

    /// <summary>One cell: defused when a spreadsheet would read it as a formula, quoted when it holds , " or a line break.</summary>
    public static string Cell(string? value)
    {
        var v = value ?? "";
        if (v.Length > 0 && v[0] is '=' or '+' or '-' or '@' or '\t' or '\r') v = "'" + v;
        return v.IndexOfAny([',', '"', '\n', '\r']) < 0 ? v : "\"" + v.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    private static void Line(StringBuilder csv, IEnumerable<string> cells) => csv.Append(string.Join(',', cells.Select(Cell))).Append("\r\n");
}
