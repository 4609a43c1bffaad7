namespace ContentStudio.Core.Checks.Analysis;

/// <summary>A single-pass word tokenizer with no allocations beyond the result array. It is the hot path of
/// every check run, hence hand-written rather than a regex.</summary>
public static class Tokenizer
{
    public static Word[] Words(string text, out int sentences)
    {
        var words = new List<Word>(Math.Max(4, text.Length / 5));
        var gap = Gap.Start;
        var sentenceStart = true;
        var inQuotes = false;
        var sawTerminator = false;
        sentences = 0;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsLetterOrDigit(c))
            {
                var start = i;
                var upper = 0; var letters = 0;
                while (i < text.Length)
                {
                    var ch = text[i];
                    if (char.IsLetterOrDigit(ch))
                    {
                        if (char.IsLetter(ch)) { letters++; if (char.IsUpper(ch)) upper++; }
                        i++;
                    }
                    else if (IsApostrophe(ch) && i + 1 < text.Length && char.IsLetter(text[i + 1])) i++;
                    // "guys'" keeps its possessive apostrophe; a closing single quote after other letters does not.
                    else if (IsApostrophe(ch) && (text[i - 1] is 's' or 'S') && (i + 1 == text.Length || !char.IsLetterOrDigit(text[i + 1]))) { i++; break; }
                    else break;
                }
                if (sentenceStart || sawTerminator) sentences++;
                var capitalized = char.IsUpper(text[start]);
                words.Add(new Word(start, i - start, gap, sentenceStart, capitalized,
                    letters >= 2 && upper == letters, inQuotes));
                gap = Gap.Space;
                sentenceStart = false;
                sawTerminator = false;
                continue;
            }
            switch (c)
            {
                case '"' or '“' or '”' or '«' or '»':
                    inQuotes = c switch { '“' or '«' => true, '”' or '»' => false, _ => !inQuotes };
                    gap = Gap.Break;
                    break;
                case '.' or '!' or '?' or '…':
                    // One splitter for the product: "3.5", "e.g.", "Dr." and "No. 1" are not sentence ends.
                    if (Sentences.EndsAt(text, i)) { sentenceStart = true; sawTerminator = true; }
                    gap = Gap.Break;
                    break;
                case '\n' or '\r':
                    sentenceStart = true; sawTerminator = true; gap = Gap.Break;
                    break;
                case '-' or '‐' or '‑':
                    gap = gap == Gap.Space && IsTight(text, i) ? Gap.Hyphen : Gap.Break;
                    break;
                case '/':
                    gap = gap == Gap.Space ? Gap.Slash : Gap.Break;
                    break;
                case ',':
                    gap = gap == Gap.Space ? Gap.Comma : Gap.Break;
                    break;
                case ':' or ';':
                    sentenceStart = c == ':' && sentenceStart; gap = Gap.Break;
                    break;
                default:
                    if (!char.IsWhiteSpace(c)) gap = Gap.Break;
                    break;
            }
            i++;
        }
        if (sentences == 0 && words.Count > 0) sentences = 1;
        return [.. words];
    }

    public static bool IsApostrophe(char c) => c is '\'' or '’';

    // A hyphen joins words only when it touches a word on both sides ("wheelchair-bound"), not " - ".
    private static bool IsTight(string text, int i) =>
        i > 0 && char.IsLetterOrDigit(text[i - 1]) && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1]);
}
