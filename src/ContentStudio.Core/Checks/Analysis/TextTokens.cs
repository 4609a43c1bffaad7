namespace ContentStudio.Core.Checks.Analysis;

/// <summary>What a run of non-space characters is: a word of the copy, or a token that names something outside it
/// (a hashtag, a social handle, an e-mail address, a link). A tag, handle, address or link is spelled its own way by
/// necessity and is one token: no check calls it misspelled, and no suggestion splits or rewrites it.</summary>
public enum TokenKind { Word, Hashtag, Handle, Email, Link }

/// <summary>The token (whitespace to whitespace, trailing punctuation trimmed) around a span, and its kind.</summary>
public readonly record struct TextToken(TokenKind Kind, int Start, int End)
{
    public bool IsWord => Kind == TokenKind.Word;
}

public static class TextTokens
{
    private const string TrailingPunctuation = ".,;:!?)\"'’”";

    /// <summary>The token that contains the character at <paramref name="index"/>.</summary>
    public static TextToken At(string text, int index)
    {
        var from = Math.Clamp(index, 0, text.Length);
        while (from > 0 && !char.IsWhiteSpace(text[from - 1])) from--;
        var to = Math.Clamp(index, 0, text.Length);
        while (to < text.Length && !char.IsWhiteSpace(text[to])) to++;
        var token = text.AsSpan(from, to - from).TrimEnd(TrailingPunctuation);
        // Opening punctuation is not part of a tag: "(#LumenRoastClub)".
        var lead = 0;
        while (lead < token.Length && token[lead] is '(' or '"' or '“' or '\'' or '‘') lead++;
        token = token[lead..];
        from += lead;
        return new TextToken(KindOf(token), from, from + token.Length);
    }

    /// <summary>True when any part of [start, end) lies in a hashtag, handle, address or link.</summary>
    public static bool InTagOrAddress(string text, int start, int end)
    {
        for (var i = start; i < Math.Max(start + 1, end) && i < text.Length; i++)
        {
            if (char.IsWhiteSpace(text[i])) continue;
            var token = At(text, i);
            if (!token.IsWord) return true;
            i = Math.Max(i, token.End);
        }
        return false;
    }

    private static TokenKind KindOf(ReadOnlySpan<char> token)
    {
        if (token.Length < 2) return TokenKind.Word;
        if (token[0] == '#' && char.IsLetterOrDigit(token[1])) return TokenKind.Hashtag;
        if (token[0] == '@' && char.IsLetterOrDigit(token[1])) return TokenKind.Handle;
        if (token.Contains("://", StringComparison.Ordinal) || token.StartsWith("www.", StringComparison.OrdinalIgnoreCase)) return TokenKind.Link;
        var at = token.IndexOf('@');
        if (at > 0 && at < token.Length - 1) return TokenKind.Email;
        // A dot between a letter or digit and two letters: a domain or a path ("lumencoffee.com", "example.org/terms"),
        // not an abbreviation ("e.g", "U.S").
        for (var j = 1; j < token.Length - 2; j++)
            if (token[j] == '.' && char.IsLetterOrDigit(token[j - 1]) && char.IsLetter(token[j + 1]) && char.IsLetter(token[j + 2])) return TokenKind.Link;
        return TokenKind.Word;
    }
}
