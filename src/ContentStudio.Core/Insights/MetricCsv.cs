using System.Globalization;
using System.Text;

namespace ContentStudio.Core.Insights;

/// <summary>The insights' CSV shape: one metric a line (metric,key,value) under one header, so a spreadsheet pivots it
/// without knowing the report's shape, and several reports can share one file.</summary>
public sealed class MetricCsv
{
    private readonly StringBuilder _csv = new("metric,key,value\n");

    public MetricCsv Line(string metric, string key, object? value)
    {
        var text = value switch
        {
            double d => d.ToString("0.####", CultureInfo.InvariantCulture),
            _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
        };
        _csv.Append(metric).Append(',').Append(Quote(key)).Append(',').Append(Quote(text)).Append('\n');
        return this;
    }

    public override string ToString() => _csv.ToString();

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
