namespace ContentStudio.Core.Brands;

/// <summary>"Did you mean ...?" for misspelt keys and column names, so a typo is reported as a typo
/// rather than silently ignored.</summary>
internal static class NameSuggester
{
    /// <summary>The closest candidate within a small edit distance, or null when nothing is close.</summary>
    public static string? Closest(string name, IEnumerable<string> candidates)
    {
        var lowered = name.Trim().ToLowerInvariant();
        // A third of the word (at least 1, at most 3) catches typos without matching unrelated short names.
        var limit = Math.Clamp(lowered.Length / 3, 1, 3);
        return candidates
            .Select(c => (Candidate: c, Distance: Distance(lowered, c.ToLowerInvariant())))
            .Where(x => x.Distance <= limit)
            .OrderBy(x => x.Distance).ThenBy(x => x.Candidate, StringComparer.Ordinal)
            .Select(x => x.Candidate)
            .FirstOrDefault();
    }

    /// <summary>" Did you mean 'x'?" or "" (leading space included so callers can append it).</summary>
    public static string DidYouMean(string name, IEnumerable<string> candidates) =>
        Closest(name, candidates) is { } match ? $" Did you mean '{match}'?" : "";

    /// <summary>Edit distance where swapping two neighbouring letters ("emial") counts as one edit
    /// (optimal string alignment), since swaps are the commonest typo.</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        }
        return d[a.Length, b.Length];
    }
}
