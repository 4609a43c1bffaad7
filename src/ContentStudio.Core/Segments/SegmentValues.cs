using System.Globalization;
using System.Text.RegularExpressions;

namespace ContentStudio.Core.Segments;

/// <summary>What a segment's values may be, beyond their format in the CSV: checks and prompts read age bands as
/// ranges, so "old" or "24-18" would mislead them silently.</summary>
public static partial class SegmentValues
{
    /// <summary>No cell of a segment CSV may be longer (a description is a few sentences, not a document).</summary>
    public const int MaxCellLength = 1_000;

    /// <summary>Why <paramref name="value"/> is not an age band ("18-24", "65+"), or null when it is one.</summary>
    public static string? AgeBandProblem(string value)
    {
        var m = AgeBand().Match(value);
        if (!m.Success) return $"'{value}' is not an age band: write a range such as '18-24' or an open band such as '65+'.";
        var from = int.Parse(m.Groups["from"].Value, CultureInfo.InvariantCulture);
        if (from > 120) return $"'{value}' starts at {from}, above any age: check the figure.";
        if (m.Groups["to"].Success && int.Parse(m.Groups["to"].Value, CultureInfo.InvariantCulture) is var to && (to <= from || to > 120))
            return to <= from ? $"'{value}' ends at or before it starts: write the lower age first (e.g. '{to}-{from}')." : $"'{value}' ends at {to}, above any age: check the figure.";
        return null;
    }

    [GeneratedRegex(@"^(?<from>\d{1,3})(?:\s*[-–]\s*(?<to>\d{1,3})|\+)$")]
    private static partial Regex AgeBand();
}
