using System.Text.RegularExpressions;

namespace ContentStudio.Core.Checks.Integrity;

/// <summary>The precompiled patterns of the copy-integrity checks.</summary>
internal static partial class IntegrityPatterns
{
    /// <summary>An outcome promised to the reader: "may help with …", "can help you …", "you'll finally …", "your skin will
    /// look …", "designed to help …".</summary>
    [GeneratedRegex(
        @"(?<!\w)(?:(?:may|might|can|could|will|should)\s+(?:really\s+|actually\s+)?(?:help|cut|reduce|save|boost|improve|lower|increase|double|prevent|protect|ease|relieve|transform|change|fade|smooth|calm|clear|strengthen|repair|restore|fix|end|stop)" +
        @"|helps?\s+(?:you\s+)?(?:to\s+)?(?:reduce|improve|boost|prevent|protect|ease|relieve|calm|clear|build|grow|save|get|stay|feel|look|sleep|lose|fight|keep)" +
        @"|designed\s+to\s+help|(?:proven|made|formulated|built)\s+to\s+(?:help|reduce|improve|boost|prevent|relieve)" +
        @"|you(?:'|’)?ll\s+(?:finally|never|always|soon|instantly|feel|look|save|earn|sleep|see|notice|be\s+able|pay\s+off|stop|get\s+rid)" +
        @"|(?:your\s+\w+|it|you)\s+will\s+(?:look|feel|be|thank|glow|love|see|save|earn|notice|become)" +
        @"|say\s+goodbye\s+to|so\s+you\s+can\s+finally|(?:leads?|led)\s+to\s+(?:better|more|less|fewer|healthier)|results\s+in)(?!\w)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex Outcome();

    /// <summary>Unfilled or broken template slots: {first_name}, {0}, %FIRST_NAME%, *|FNAME|*, [First Name], [X], &lt;gift_name&gt;,
    /// $XX, XX%, "undefined", "null", "NaN", "[object Object]", and a greeting whose name slot came out empty ("Hi ,").</summary>
    [GeneratedRegex(
        @"\{\{[^{}\n]{0,60}\}\}|\{\s*[A-Za-z_][\w .-]{0,40}\}|\{\d+\}|%[A-Z][A-Z0-9_]{1,30}%|\*\|[A-Z0-9_]+\|\*|\[(?:[A-Z][A-Za-z0-9 _-]{0,40}|X+)\]" +
        @"|<(?:[a-z]+_)*(?:name|product|brand|offer|gift|date|link|url|price|discount|code|first|last)(?:_[a-z]+)*>" +
        @"|(?<![\w$])[$€£]\s?X+(?:[,.]X+)*(?!\w)|(?<!\w)X{2,}\s?%|\[object Object\]|(?<!\w)(?:undefined|null|NaN)(?!\w)" +
        @"|(?<!\w)(?:[Hh]i|[Hh]ello|[Dd]ear|[Hh]ey)\s+[,.!]")]
    public static partial Regex Slot();

    /// <summary>Month and weekday names: a date the copy names must come from the brief or the guide.</summary>
    [GeneratedRegex(@"(?<!\w)(?:January|February|March|April|May(?=\s+\d)|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|tomorrow|tonight|midnight)(?!\w)",
        RegexOptions.CultureInvariant)]
    public static partial Regex DateWord();

    /// <summary>A figure: a number (thousands separators read as such), with a currency sign or a unit when it has one.</summary>
    [GeneratedRegex(@"(?<![\w.,])[$€£]?\s?(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:\s?%|[\s-]*[\p{L}]+)?")]
    public static partial Regex Figure();
}
