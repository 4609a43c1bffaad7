using System.Globalization;
using ContentStudio.Core.Brands;
using ContentStudio.Core.Kernel;
using CsvHelper;

namespace ContentStudio.Core.Insights.Results;

/// <summary>One parsed line of a results file: the keys as written (resolved against the database by
/// <see cref="ResultsImporter"/>) and the numbers, already checked for shape and consistency.</summary>
public sealed record ResultRow(int Line, Guid? VariantId, Guid? DeliveryId, DateTime SendDate, long Impressions, long Clicks, long Conversions,
    long? RevenueMinor, long? Unsubscribes, long? Complaints);

public sealed record ParsedResults(IReadOnlyList<ResultRow> Rows, IReadOnlyList<SourceError> Errors);

/// <summary>Reads a results CSV (README "Results files"): a header, then one row per variant and send date. Every
/// problem names its line (the header is line 1) and column; a bad line never hides the problems of the others.</summary>
public static class ResultsCsv
{
    public const string VariantId = "variant_id", DeliveryId = "delivery_id", SendDate = "send_date", Impressions = "impressions",
        Sends = "sends", Clicks = "clicks", Conversions = "conversions", Revenue = "revenue", Unsubscribes = "unsubscribes",
        Complaints = "complaints";

    public static IReadOnlyList<string> Known { get; } =
        [VariantId, DeliveryId, SendDate, Impressions, Sends, Clicks, Conversions, Revenue, Unsubscribes, Complaints];

    /// <summary>The largest file read (characters): ~100 bytes a row, so about the row limit below.</summary>
    public const int MaxFileLength = 8 * 1024 * 1024;

    /// <summary>The most rows one file may hold; split a bigger export by date.</summary>
    public const int MaxRows = 50_000;

    public static ParsedResults Parse(TextReader reader, string sourceName)
    {
        var errors = new List<SourceError>();
        var buffer = new char[MaxFileLength + 1];
        var read = reader.ReadBlock(buffer, 0, buffer.Length);
        if (read > MaxFileLength)
            return Fail(sourceName, 0, string.Create(CultureInfo.InvariantCulture,
                $"The file is more than {MaxFileLength:N0} characters; the limit is {MaxFileLength:N0}. Split it by send date."));
        var text = new string(buffer, 0, read).TrimStart('\uFEFF');
        if (string.IsNullOrWhiteSpace(text))
            return Fail(sourceName, 0, $"The file is empty; the first line must be the header, e.g. {VariantId},{SendDate},{Impressions},{Clicks},{Conversions}.");

        var malformed = new List<CsvMalformedRecord>();
        var options = CsvReaderOptions.Default with { Separator = ',', TrackLineNumbers = true, OnMalformedRecord = malformed.Add };
        using var csv = CsvReader.FromText(text, options);
        var lines = new List<(int Line, string[] Fields)>();
        while (csv.Read())
        {
            if (lines.Count == MaxRows)
                return Fail(sourceName, (int)csv.LineNumber, string.Create(CultureInfo.InvariantCulture,
                    $"The file has more than {MaxRows:N0} rows; the limit is {MaxRows:N0}. Split it by send date."));
            lines.Add(((int)csv.LineNumber, Enumerable.Range(0, csv.FieldCount).Select(csv.GetString).ToArray()));
        }
        var columns = ReadHeader(csv.Headers.Select(h => h.Trim()).ToArray(), m => errors.Add(new SourceError(sourceName, 1, m)));
        foreach (var bad in malformed.Where(m => m.Reason != CsvMalformedReason.FieldCountMismatch))
            errors.Add(new SourceError(sourceName, (int)bad.LineNumber, $"Malformed CSV ({bad.Reason}): check the quotes on this line."));
        if (errors.Count > 0) return new([], errors);

        var rows = new List<ResultRow>();
        foreach (var (line, fields) in lines)
        {
            if (fields.Length != csv.Headers.Count)
            {
                errors.Add(new SourceError(sourceName, line, $"Row has {fields.Length} fields but the header has {csv.Headers.Count} columns; check for a stray comma."));
                continue;
            }
            var row = new RowReader(sourceName, line, fields, columns, errors).Read();
            if (row is not null) rows.Add(row);
        }
        return new(rows, errors);
    }

    private static Dictionary<string, int> ReadHeader(string[] headers, Action<string> error)
    {
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < headers.Length; i++)
        {
            var known = Known.FirstOrDefault(k => string.Equals(k, headers[i], StringComparison.OrdinalIgnoreCase));
            if (known == Sends) known = Impressions; // the same trials, by the name email and SMS platforms use
            if (known is null)
            {
                var hint = NameSuggester.Closest(headers[i], Known) is { } close ? $" Did you mean '{close}'?" : "";
                error($"Unknown column '{headers[i]}'.{hint} Known columns: {string.Join(", ", Known)}.");
            }
            else if (!columns.TryAdd(known, i)) error($"Column '{headers[i]}' appears twice (sends and impressions are the same column).");
        }
        if (!columns.ContainsKey(VariantId) && !columns.ContainsKey(DeliveryId))
            error($"The header needs a '{VariantId}' or a '{DeliveryId}' column (the publication's webhook delivery id) to say which variant a row is about.");
        foreach (var required in new[] { SendDate, Impressions, Clicks, Conversions }.Where(r => !columns.ContainsKey(r)))
            error($"The header has no '{required}' column; required: {SendDate}, {Impressions} (or {Sends}), {Clicks}, {Conversions}.");
        return columns;
    }

    private static ParsedResults Fail(string source, int line, string message) => new([], [new SourceError(source, line, message)]);

    /// <summary>One line's fields: every problem on the line is reported, not only the first.</summary>
    private sealed class RowReader(string source, int line, string[] fields, Dictionary<string, int> columns, List<SourceError> errors)
    {
        private bool _ok = true;

        private void Error(string message)
        {
            errors.Add(new SourceError(source, line, message));
            _ok = false;
        }

        private string? Field(string column) => columns.TryGetValue(column, out var i) && fields[i].Trim() is { Length: > 0 } v ? v : null;

        public ResultRow? Read()
        {
            var variant = Id(VariantId);
            var delivery = Id(DeliveryId);
            if (_ok && variant is null && delivery is null) Error($"Give the variant: '{VariantId}' or '{DeliveryId}' is empty.");
            var date = Date();
            var impressions = Count(Impressions, required: true) ?? 0;
            var clicks = Count(Clicks, required: true) ?? 0;
            var conversions = Count(Conversions, required: true) ?? 0;
            var revenue = Money();
            var unsubscribes = Count(Unsubscribes, required: false);
            var complaints = Count(Complaints, required: false);
            if (!_ok) return null;
            foreach (var (name, value) in new[] { (Clicks, clicks), (Conversions, conversions), (Unsubscribes, unsubscribes ?? 0), (Complaints, complaints ?? 0) })
                if (value > impressions)
                    Error($"Column '{name}': {value} is more than the {impressions} impressions (sends) of the row; every count is out of the impressions.");
            return _ok ? new ResultRow(line, variant, delivery, date, impressions, clicks, conversions, revenue, unsubscribes, complaints) : null;
        }

        private Guid? Id(string column)
        {
            if (Field(column) is not { } text) return null;
            if (Guid.TryParse(text, out var id)) return id;
            Error($"Column '{column}': '{Clip(text)}' is not an id (expected the 32-hex-digit id the studio shows, e.g. 3f2504e0-4f89-11d3-9a0c-0305e82c3301).");
            return null;
        }

        private DateTime Date()
        {
            if (Field(SendDate) is not { } text) { Error($"Column '{SendDate}' is empty; write the send date as YYYY-MM-DD."); return default; }
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                return date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            Error($"Column '{SendDate}': '{Clip(text)}' is not a date; write it as YYYY-MM-DD (e.g. 2026-12-01).");
            return default;
        }

        private long? Count(string column, bool required)
        {
            if (Field(column) is not { } text)
            {
                if (required) Error($"Column '{column}' is empty; write a whole number (0 if none).");
                return null;
            }
            if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            {
                Error($"Column '{column}': '{Clip(text)}' is not a whole number (no separators or decimals).");
                return null;
            }
            if (value < 0) { Error($"Column '{column}': {value} is negative; counts start at 0."); return null; }
            return value;
        }

        private long? Money()
        {
            if (Field(Revenue) is not { } text) return null;
            if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            {
                Error($"Column '{Revenue}': '{Clip(text)}' is not an amount; write it like 1234.50 (point for decimals, no currency sign or separators).");
                return null;
            }
            if (value < 0) { Error($"Column '{Revenue}': {value} is negative; refunds are not results."); return null; }
            if (decimal.Round(value, 2) != value) { Error($"Column '{Revenue}': {value} has more than two decimals."); return null; }
            if (value > 1_000_000_000_000m) { Error($"Column '{Revenue}': {value} is implausibly large for one variant and day."); return null; }
            return (long)(value * 100);
        }

        private static string Clip(string text) => text.Length <= 40 ? text : text[..40] + "…";
    }
}
