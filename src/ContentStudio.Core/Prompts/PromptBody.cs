using System.Text.RegularExpressions;
using ContentStudio.Core.Brands;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Core.Prompts;

/// <summary>One <c>&lt;message role="..."&gt;</c> part of a template body: its inner text and the file line
/// that text starts on (for error positions).</summary>
public sealed record PromptBodyPart(string Role, string Text, int FirstLine);

/// <summary>Splits a template body into its system and user messages, in Semantic Kernel's
/// <c>&lt;message role="system"&gt;...&lt;/message&gt;</c> style. Parts are rendered separately, so data inside a
/// rendered value can never open or close a message.</summary>
public static partial class PromptBody
{
    public sealed record Parts(PromptBodyPart? System, PromptBodyPart? User, IReadOnlyList<SourceError> Errors);

    public static Parts Split(string file, string body, int bodyFirstLine)
    {
        var errors = new List<SourceError>();
        PromptBodyPart? system = null, user = null;
        var pos = 0;
        int LineAt(int index) => bodyFirstLine + body.AsSpan(0, index).Count('\n');

        foreach (Match open in OpenTag().Matches(body))
        {
            if (open.Index < pos) continue; // inside a part already reported
            Outside(body[pos..open.Index], LineAt(pos));
            var role = open.Groups["role"].Value;
            var start = open.Index + open.Length;
            var close = body.IndexOf("</message>", start, StringComparison.Ordinal);
            var nested = OpenTag().Match(body, start);
            if (close < 0)
            {
                errors.Add(new(file, LineAt(open.Index), $"<message role=\"{role}\"> is never closed with </message>"));
                return new Parts(system, user, errors);
            }
            if (nested.Success && nested.Index < close)
                errors.Add(new(file, LineAt(nested.Index), "a <message> cannot be inside another <message>: close the first one with </message>"));
            var part = new PromptBodyPart(role, body[start..close], LineAt(start));
            switch (role)
            {
                case "system" when system is null: system = part; break;
                case "user" when user is null: user = part; break;
                case "system" or "user":
                    errors.Add(new(file, LineAt(open.Index), $"a second <message role=\"{role}\">: a template has one system and one user part"));
                    break;
                default:
                    errors.Add(new(file, LineAt(open.Index), $"message role '{role}' is not supported: use role=\"system\" or role=\"user\""));
                    break;
            }
            pos = close + "</message>".Length;
        }
        Outside(body[pos..], LineAt(pos));
        if (system is null) errors.Add(new(file, bodyFirstLine, "missing system part: add <message role=\"system\">...</message>"));
        if (user is null) errors.Add(new(file, bodyFirstLine, "missing user part: add <message role=\"user\">...</message>"));
        return new Parts(system, user, errors);

        void Outside(string text, int firstLine)
        {
            // Only whitespace and Handlebars comments may sit between parts: anything else would never reach the model.
            var stripped = Comment().Replace(text, m => new string('\n', m.Value.Count(c => c == '\n')));
            var stray = stripped.Select((c, i) => (c, i)).FirstOrDefault(x => !char.IsWhiteSpace(x.c));
            if (stray.c == default) return;
            var line = firstLine + stripped.AsSpan(0, stray.i).Count('\n');
            errors.Add(new(file, line, "text outside <message> parts is never sent to the model: move it into the system or user part"));
        }
    }

    [GeneratedRegex("<message\\s+role\\s*=\\s*[\"'](?<role>[^\"']*)[\"']\\s*>")]
    private static partial Regex OpenTag();

    [GeneratedRegex("\\{\\{!--.*?--\\}\\}|\\{\\{![^}]*\\}\\}", RegexOptions.Singleline)]
    private static partial Regex Comment();
}
