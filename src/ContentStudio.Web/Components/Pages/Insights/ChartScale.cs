using System.Globalization;

namespace ContentStudio.Web.Components.Pages.Insights;

/// <summary>A linear axis for the Insights charts: "nice" ticks (1, 2 or 5 × 10^k) covering [0, max], and the
/// mapping from a value to a pixel. Values and ticks are proportions, labels are percentages.</summary>
public sealed class ChartScale
{
    public ChartScale(double maximum, double left, double width, int targetTicks = 5)
    {
        var raw = Math.Max(maximum, 1e-6) / targetTicks;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var step = new[] { 1.0, 2, 5, 10 }.Select(m => m * magnitude).First(s => s >= raw);
        Step = step;
        Maximum = Math.Ceiling(Math.Max(maximum, 1e-6) / step) * step;
        (Left, Width) = (left, width);
    }

    public double Maximum { get; }
    public double Step { get; }
    public double Left { get; }
    public double Width { get; }

    public IEnumerable<double> Ticks()
    {
        for (var i = 0; i * Step <= Maximum + Step / 1e6; i++) yield return i * Step;
    }

    public double X(double value) => Left + Math.Clamp(value / Maximum, 0, 1) * Width;

    /// <summary>A pixel for an SVG attribute (always a point decimal).</summary>
    public static string Px(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>A tick label: the proportion as a percentage with as many decimals as the step needs.</summary>
    public string Label(double value)
    {
        var decimals = Step * 100 >= 1 ? 0 : (int)Math.Ceiling(-Math.Log10(Step * 100));
        return (value * 100).ToString("F" + decimals, CultureInfo.InvariantCulture) + "%";
    }
}
