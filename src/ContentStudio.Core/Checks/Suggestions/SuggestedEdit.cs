namespace ContentStudio.Core.Checks;

/// <summary>One replacement a person can apply for a finding, fitted to where the finding is: <see cref="Replacement"/>
/// is the text that takes the place of the finding's span (empty: the span is removed), <see cref="NewText"/> the whole
/// field afterwards and <see cref="Sentence"/> the sentence before and after, for the preview.</summary>
public sealed record SuggestedEdit(Finding Finding, string Replacement, string NewText, SentenceChange Sentence)
{
    public bool Removes => Replacement.Length == 0;

    /// <summary>The button's words: "Use “everyone”", "Remove “!”".</summary>
    public string Label => Removes ? $"Remove “{Finding.Text}”" : $"Use “{Replacement}”";
}

/// <summary>The sentence (or sentences) the span is in, as it reads now and as it would read after the edit.</summary>
public sealed record SentenceChange(string Before, string After);
