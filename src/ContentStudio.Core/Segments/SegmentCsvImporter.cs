using System.Globalization;
using ContentStudio.Core.Brands;
using CsvHelper;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Core.Segments;

/// <summary>Imports a CDP/CRM export of segments. Errors name the file line (header = line 1) and the column.</summary>
public static class SegmentCsvImporter
{
    /// <summary>The largest file read (characters). A hard safety bound, not a setting: a segment list is a few
    /// hundred rows of short attributes, and the whole file is held in memory while it is checked.</summary>
    public const int MaxFileLength = 2 * 1024 * 1024;

    /// <summary>The most segments one file may hold (rows after the header): segments are audiences, not people, and
    /// each one multiplies every campaign's generation tasks.</summary>
    public const int MaxRows = 5_000;

    public static SegmentImportResult Import(string brandSlug, TextReader reader, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(reader);
        // Read one character past the bound, so an oversized upload is refused without reading all of it.
        var buffer = new char[MaxFileLength + 1];
        var read = reader.ReadBlock(buffer, 0, buffer.Length);
        if (read > MaxFileLength)
            return Fail(new SourceError(sourceName, 0, string.Create(CultureInfo.InvariantCulture,
                $"The file is more than {MaxFileLength:N0} characters; the limit is {MaxFileLength:N0}. Split it into several files.")));
        var text = new string(buffer, 0, read).TrimStart('\uFEFF');
        var errors = new List<SourceError>();
        void Error(int line, string message) => errors.Add(new SourceError(sourceName, line, message));

        if (string.IsNullOrWhiteSpace(text))
            return Fail(new SourceError(sourceName, 0, $"The file is empty; the first line must be the header ({string.Join(",", SegmentColumns.Known)})."));

        var malformed = new List<CsvMalformedRecord>();
        // The separator is fixed: detecting it would read a ';'-separated list column as the separator.
        var options = CsvReaderOptions.Default with { Separator = ',', TrackLineNumbers = true, OnMalformedRecord = malformed.Add };
        using var csv = CsvReader.FromText(text, options);
        var rows = new List<(int Line, string[] Fields)>();
        while (csv.Read())
        {
            if (rows.Count == MaxRows)
                return Fail(new SourceError(sourceName, (int)csv.LineNumber, string.Create(CultureInfo.InvariantCulture,
                    $"The file has more than {MaxRows:N0} rows; the limit is {MaxRows:N0} segments. Split it into several files.")));
            rows.Add(((int)csv.LineNumber, Enumerable.Range(0, csv.FieldCount).Select(csv.GetString).ToArray()));
        }
        var headers = csv.Headers.Select(h => h.Trim()).ToArray();

        var columns = ReadHeader(headers, line => Error(1, line));
        foreach (var bad in malformed.Where(m => m.Reason != CsvMalformedReason.FieldCountMismatch))
            Error((int)bad.LineNumber, Describe(bad.Reason));
        if (errors.Count > 0) return Fail(errors);

        var segments = new List<Segment>();
        var keys = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (line, fields) in rows)
        {
            if (fields.Length != headers.Length)
            {
                Error(line, $"Row has {fields.Length} fields but the header has {headers.Length} columns; check for a stray comma or a missing quote.");
                continue;
            }
            var segment = SegmentRowReader.Read(brandSlug, headers, columns, fields, msg => Error(line, msg));
            if (segment is null) continue;
            if (!keys.TryAdd(segment.Key, line)) { Error(line, $"Column 'key': '{segment.Key}' is already used on line {keys[segment.Key]}; keys must be unique."); continue; }
            segments.Add(segment);
        }
        return errors.Count > 0 ? Fail(errors) : new SegmentImportResult(segments, []);
    }

    /// <summary>Maps known column names to their index; reports typos, duplicates and missing required columns.</summary>
    static Dictionary<string, int> ReadHeader(string[] headers, Action<string> error)
    {
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < headers.Length; i++)
        {
            var header = headers[i];
            var known = SegmentColumns.Known.FirstOrDefault(k => string.Equals(k, header, StringComparison.OrdinalIgnoreCase));
            if (header.Length == 0) error($"Column {i + 1} has no name in the header.");
            else if (!seen.Add(header)) error($"Column '{header}' appears twice in the header.");
            else if (known is not null) columns[known] = i;
            else if (NameSuggester.Closest(header, SegmentColumns.Known) is { } close)
                error($"Unknown column '{header}'. Did you mean '{close}'? (Columns other than {string.Join(", ", SegmentColumns.Known)} are free attributes, but this looks like a typo.)");
        }
        foreach (var required in new[] { SegmentColumns.Key, SegmentColumns.Name }.Where(r => !columns.ContainsKey(r)))
            error($"The header has no '{required}' column; required columns: key, name.");
        return columns;
    }

    static string Describe(CsvMalformedReason reason) => reason switch
    {
        CsvMalformedReason.UnterminatedQuote => "A quoted field opened on this line is never closed (unbalanced quotes); every field that starts with \" must end with \".",
        CsvMalformedReason.StrayQuote => "A quote inside an unquoted field; quote the whole field and double the inner quote (\"\").",
        CsvMalformedReason.TextAfterClosingQuote => "Text after a closing quote; quote the whole field and double any inner quote (\"\").",
        _ => $"Malformed CSV ({reason}).",
    };

    static SegmentImportResult Fail(params IEnumerable<SourceError> errors) => new([], errors.OrderBy(e => e.Line).ToList());
}
