namespace ContentStudio.Core.Kernel;

/// <summary>Durations as people say them on a page: "due in 3 h", "overdue by 2 d".</summary>
public static class TimeWords
{
    public static string Due(DateTime dueUtc, DateTime nowUtc) =>
        dueUtc >= nowUtc ? $"due in {Span(dueUtc - nowUtc)}" : $"overdue by {Span(nowUtc - dueUtc)}";

    /// <summary>The largest whole unit, at least 1: "45 min", "3 h", "2 d".</summary>
    public static string Span(TimeSpan span) =>
        span.TotalDays >= 1 ? $"{(int)span.TotalDays} d"
        : span.TotalHours >= 1 ? $"{(int)span.TotalHours} h"
        : $"{Math.Max(1, (int)Math.Ceiling(span.TotalMinutes))} min";
}
