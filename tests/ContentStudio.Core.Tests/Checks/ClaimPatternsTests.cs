using System.Text.RegularExpressions;
using ContentStudio.Core.Checks.Analysis;
using ContentStudio.Core.Checks.Claims;

namespace ContentStudio.Core.Tests.Checks;

/// <summary>The claim pattern is tried only at words that can start one of its alternatives: the word list must stay in
/// step with the pattern, or a claim would go unseen. Scanning every position of every corpus text must find nothing more.</summary>
public sealed class ClaimPatternsTests
{
    [Fact]
    public void TryingOnlyTheListedFirstWordsFindsEveryMatchAFullScanFinds()
    {
        var full = new Regex(ClaimPatterns.Pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture);
        var texts = new[] { "claims-dev.tsv", "claims-test.tsv", "integrity-dev.tsv", "integrity-test.tsv" }
            .SelectMany(ClaimsCorpus.Read).Select(l => l.Text);
        foreach (var text in texts)
        {
            var found = ClaimPatterns.Find(new AnalyzedField("body", text), 1000) ?? [];
            foreach (Match m in full.Matches(text))
                found.ShouldContain(f => f.Index <= m.Index && f.Index + f.Length >= m.Index + m.Length, $"\"{m.Value}\" in: {text}");
        }
    }
}
