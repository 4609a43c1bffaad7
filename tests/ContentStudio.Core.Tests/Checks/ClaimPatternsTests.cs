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

    /// <summary>A candidate word tries only the kinds its first letters, digit or sign can start (for speed); the kind it
    /// finds must be the one trying all eleven kinds in order finds, at every word of every corpus text.</summary>
    [Fact]
    public void TryingOnlyTheKindsAWordCanStartFindsWhatTryingEveryKindFinds()
    {
        var texts = new[] { "claims-dev.tsv", "claims-test.tsv", "integrity-dev.tsv", "integrity-test.tsv" }
            .SelectMany(ClaimsCorpus.Read).Select(l => l.Text)
            .Append("Save $25,000 with #1 rated \"Best ever\" 4.10% APY, detoxifying and immunity-boosting, 24/7.");
        var compared = 0;
        foreach (var text in texts)
        {
            foreach (var w in new AnalyzedField("body", text).Words)
            {
                var (at, length, kind) = ClaimPatterns.ClaimAtWord(text, w);
                if (length == 0 && at == w.Start && !char.IsDigit(text[at]) && !ClaimPatterns.FirstWords.Contains(text.Substring(w.Start, w.Length))
                    && !text.AsSpan(w.Start).StartsWith("detox", StringComparison.OrdinalIgnoreCase)
                    && !text.AsSpan(w.Start).StartsWith("immun", StringComparison.OrdinalIgnoreCase)) continue; // not a candidate
                ClaimPatterns.ClaimAtTryingEveryKind(text, at).ShouldBe((length, kind), $"at \"{text[at..]}\"");
                compared++;
            }
        }
        compared.ShouldBeGreaterThan(500);
    }
}
