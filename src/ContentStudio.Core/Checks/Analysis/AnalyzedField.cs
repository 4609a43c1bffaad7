namespace ContentStudio.Core.Checks.Analysis;

/// <summary>What separates a word from the one before it. Phrase terms match across spaces, hyphens and
/// slashes ("wheelchair bound", "wheelchair-bound", "master/slave") but not across other punctuation; context
/// conditions ("young, energetic") also look across a comma.</summary>
public enum Gap : byte { Start, Space, Hyphen, Slash, Comma, Break }

/// <summary>A word (letters and digits, with inner apostrophes and a trailing possessive apostrophe kept,
/// so "chairman's" and "guys'" are one word). Offsets are UTF-16 code units into the field text.</summary>
public readonly record struct Word(int Start, int Length, Gap GapBefore, bool SentenceStart, bool Capitalized,
    bool AllCaps, bool InQuotes)
{
    public int End => Start + Length;
}

/// <summary>A field's text tokenised once and shared by every check of a run.</summary>
public sealed class AnalyzedField
{
    private string? _lower;
    private SentenceSpan[]? _sentences;
    private Claims.ClaimWording? _wording;
    private List<(int Index, int Length, string Kind)>? _claims;
    private bool _claimsFound;

    public AnalyzedField(string name, string text)
    {
        Name = name;
        Text = text;
        Words = Tokenizer.Words(text, out var sentences);
        SentenceCount = sentences;
        TitleCase = IsTitleCase(text, Words);
    }

    public string Name { get; }
    public string Text { get; }
    public Word[] Words { get; }
    /// <summary>Sentences (runs of . ! ? or line breaks end one); at least 1 when there are words.</summary>
    public int SentenceCount { get; }
    /// <summary>Headline-style capitalisation: most longer words start upper-case, so capitals say nothing
    /// about proper names here.</summary>
    public bool TitleCase { get; }
    /// <summary>The sentences (see <see cref="Analysis.Sentences"/>), split only when a check needs them.</summary>
    public SentenceSpan[] Sentences => _sentences ??= Analysis.Sentences.Split(Text);
    /// <summary>The text normalised for comparing wordings (see <see cref="Claims.ClaimWording"/>), built once when the
    /// claims or integrity checks need it.</summary>
    public Claims.ClaimWording Wording => _wording ??= Claims.ClaimWording.Of(Text);
    /// <summary>The built-in claim candidates of the text (index, length, kind; see <see cref="Claims.ClaimPatterns"/>), found
    /// once for the claims and copy-integrity checks.</summary>
    internal IReadOnlyList<(int Index, int Length, string Kind)>? ClaimCandidates
    {
        get
        {
            if (_claimsFound) return _claims;
            _claims = Claims.ClaimPatterns.Find(this, CheckContext.MaxFindingsPerRule * 4);
            _claimsFound = true;
            return _claims;
        }
    }
    /// <summary>Lower-cased text, built only when a check needs to search it.</summary>
    public string Lower => _lower ??= Text.ToLowerInvariant();

    public ReadOnlySpan<char> Span(in Word w) => Text.AsSpan(w.Start, w.Length);

    private static bool IsTitleCase(string text, Word[] words)
    {
        int longWords = 0, capital = 0;
        foreach (var w in words)
        {
            if (w.Length < 3 || w.InQuotes || w.SentenceStart || !char.IsLetter(text[w.Start])) continue;
            longWords++;
            if (w.Capitalized || w.AllCaps) capital++;
        }
        return longWords >= 2 && capital * 10 >= longWords * 7;
    }
}
