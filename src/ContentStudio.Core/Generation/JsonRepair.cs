using System.Text;

namespace ContentStudio.Core.Generation;

/// <summary>Turns almost-JSON from a model into candidate JSON texts, best first. One pass over the text from an
/// opening brace: single-quoted strings become double-quoted, bare keys get quotes, raw control characters in
/// strings are escaped, trailing commas go, and a truncated object is closed (open string, then open brackets).
/// If closing in place does not parse, a second candidate cuts back to the last complete member.</summary>
internal static class JsonRepair
{
    public sealed record Result(IReadOnlyList<string> Candidates, bool Changed);

    public static Result Scan(string text, int start)
    {
        var sb = new StringBuilder(text.Length - start + 8);
        var stack = new Stack<char>();
        var changed = false;
        var inString = false;
        var quote = '"';
        var cutLength = -1;
        char[] cutStack = [];

        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (inString)
            {
                if (c == '\\' && i + 1 < text.Length)
                {
                    var next = text[++i];
                    if (quote == '\'' && next == '\'') { sb.Append('\''); changed = true; }
                    else sb.Append(c).Append(next);
                }
                else if (c == '\\') { /* a dangling escape at a truncation point */ changed = true; }
                else if (c == quote) { sb.Append('"'); inString = false; }
                else if (c == '"') { sb.Append("\\\""); changed = true; }
                else if (c < ' ') { sb.Append(Escape(c)); changed = true; }
                else sb.Append(c);
                continue;
            }

            switch (c)
            {
                case '"':
                    inString = true; quote = '"'; sb.Append('"');
                    break;
                case '\'':
                    inString = true; quote = '\''; sb.Append('"'); changed = true;
                    break;
                case '{' or '[':
                    stack.Push(c); sb.Append(c);
                    break;
                case '}' or ']':
                    if (TrimTrailingComma(sb)) changed = true;
                    if (stack.Count == 0 || stack.Peek() != (c == '}' ? '{' : '[')) return new([sb.ToString()], true);
                    stack.Pop(); sb.Append(c);
                    if (stack.Count == 0) return new([sb.ToString()], changed);
                    break;
                case ',':
                    if (stack.Count > 0) { cutLength = sb.Length; cutStack = stack.ToArray(); }
                    sb.Append(c);
                    break;
                default:
                    if ((char.IsLetter(c) || c == '_') && stack.Count > 0 && stack.Peek() == '{' && LastSignificant(sb) is '{' or ',')
                    {
                        // A bare key: quote it up to the colon.
                        var end = i;
                        while (end < text.Length && (char.IsLetterOrDigit(text[end]) || text[end] is '_' or '-')) end++;
                        sb.Append('"').Append(text, i, end - i).Append('"');
                        i = end - 1;
                        changed = true;
                    }
                    else sb.Append(c);
                    break;
            }
        }

        // Truncated: close what is open.
        var closed = new StringBuilder(sb.ToString());
        if (inString) closed.Append('"');
        TrimTrailingComma(closed);
        AppendClosers(closed, stack.ToArray());
        var candidates = new List<string> { closed.ToString() };
        if (cutLength >= 0)
        {
            var cut = new StringBuilder(sb.ToString(0, cutLength));
            AppendClosers(cut, cutStack);
            candidates.Add(cut.ToString());
        }
        return new(candidates, true);
    }

    static void AppendClosers(StringBuilder sb, char[] openInnermostFirst)
    {
        foreach (var open in openInnermostFirst) sb.Append(open == '{' ? '}' : ']');
    }

    static bool TrimTrailingComma(StringBuilder sb)
    {
        var end = sb.Length;
        while (end > 0 && char.IsWhiteSpace(sb[end - 1])) end--;
        if (end == 0 || sb[end - 1] != ',') return false;
        sb.Length = end - 1;
        return true;
    }

    static char LastSignificant(StringBuilder sb)
    {
        for (var i = sb.Length - 1; i >= 0; i--)
            if (!char.IsWhiteSpace(sb[i])) return sb[i];
        return '\0';
    }

    static string Escape(char c) => c switch
    {
        '\n' => "\\n",
        '\r' => "\\r",
        '\t' => "\\t",
        _ => $"\\u{(int)c:x4}",
    };
}
