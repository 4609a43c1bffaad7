using System.Globalization;

namespace ContentStudio.Core.Review.Queue;

/// <summary>Settings of the curation queue (section "ReviewQueue").</summary>
public sealed class ReviewQueueOptions
{
    public const string Section = "ReviewQueue";

    /// <summary>Hours a variant may wait for a decision, by its campaign's business impact 1..5, as five
    /// comma-separated numbers (impact 1 first). Higher impact, shorter SLA.</summary>
    public string SlaHoursByImpact { get; set; } = "72,48,24,12,4";

    /// <summary>Rows per queue page.</summary>
    public int PageSize { get; set; } = 50;

    /// <summary>The SLA hours for impact 1..5 (index 0 = impact 1); a clear error naming the setting when malformed.</summary>
    public IReadOnlyList<double> ParseSlaHours()
    {
        var parts = SlaHoursByImpact.Split(',', StringSplitOptions.TrimEntries);
        var hours = parts.Select(p => double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out var h) && h > 0 ? h : double.NaN).ToList();
        if (parts.Length != 5 || hours.Any(double.IsNaN))
            throw new InvalidOperationException(
                $"{Section}:{nameof(SlaHoursByImpact)} is '{SlaHoursByImpact}': expected five positive numbers of hours, " +
                "one per business impact 1..5, separated by commas (e.g. \"72,48,24,12,4\").");
        return hours;
    }

    public int CheckedPageSize() => PageSize is >= 1 and <= 500 ? PageSize
        : throw new InvalidOperationException($"{Section}:{nameof(PageSize)} is {PageSize}: expected 1 to 500 rows per page.");
}
