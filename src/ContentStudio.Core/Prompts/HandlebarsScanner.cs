using ContentStudio.Core.Brands;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Core.Prompts;

/// <summary>Walks the {{...}} expressions of one message part and checks them against the declared inputs:
/// every path must resolve to an input (through #each / #with scopes, <c>this</c>, <c>../</c>, <c>@root</c>,
/// <c>@index</c> and block parameters), every helper must exist, every block must close. Handlebars itself
/// only finds syntax errors; this finds the mistakes that would otherwise render as silent blanks.</summary>
internal sealed class HandlebarsScanner(string file, IReadOnlyDictionary<string, PromptInput> inputs)
{
    private sealed record Block(string Name, int Line, bool ChangesContext, string? ItemType, IReadOnlyList<string> BlockParams, string Argument = "");

    private readonly Stack<Block> _blocks = new();
    private int _line;

    public List<SourceError> Errors { get; } = [];
    /// <summary>Names of declared inputs the part refers to.</summary>
    public HashSet<string> Used { get; } = new(StringComparer.Ordinal);

    /// <summary>Scans one part; <paramref name="firstLine"/> is the file line its first character is on.</summary>
    public void Scan(string text, int firstLine)
    {
        _blocks.Clear();
        var i = 0;
        while (true)
        {
            var open = text.IndexOf("{{", i, StringComparison.Ordinal);
            if (open < 0) break;
            _line = firstLine + text.AsSpan(0, open).Count('\n');
            if (open > 0 && text[open - 1] == '\\') { i = open + 2; continue; } // \{{ is literal text
            var rest = text.AsSpan(open);
            var (close, skip, isComment) = rest.StartsWith("{{!--") ? ("--}}", 5, true)
                : rest.StartsWith("{{!") ? ("}}", 3, true)
                : rest.StartsWith("{{{") ? ("}}}", 3, false)
                : ("}}", 2, false);
            var end = text.IndexOf(close, open + skip, StringComparison.Ordinal);
            if (end < 0) { Error($"'{text.Substring(open, Math.Min(20, text.Length - open)).Split('\n')[0]}' is never closed with '{close}'"); return; }
            i = end + close.Length;
            if (!isComment) Statement(text[(open + skip)..end].Trim().Trim('~').Trim());
        }
        foreach (var b in _blocks) Error($"{{{{#{b.Name}}}}} opened on line {b.Line} is never closed with {{{{/{b.Name}}}}}", b.Line);
    }

    private void Statement(string inner)
    {
        if (inner.Length == 0) { Error("empty '{{}}' expression"); return; }
        switch (inner[0])
        {
            case '#': OpenBlock(inner[1..].Trim()); return;
            case '/': CloseBlock(inner[1..].Trim()); return;
            case '>': Error($"partials are not supported ('{{{{{inner}}}}}'): put the text in the template"); return;
            case '*': Error($"decorators are not supported ('{{{{{inner}}}}}')"); return;
            case '&': Expression(inner[1..].Trim()); return;
            case '^':
                if (inner.Length == 1) { Else(""); return; }
                var path = inner[1..].Trim();
                Param(path);
                _blocks.Push(new Block(path, _line, false, null, []));
                return;
        }
        if (inner == "else" || inner.StartsWith("else ", StringComparison.Ordinal)) { Else(inner[4..].Trim()); return; }
        Expression(inner);
    }

    private void Expression(string inner)
    {
        var tokens = Tokenize(inner);
        if (tokens is null || tokens.Count == 0) return;
        if (tokens.Count == 1 && !PromptHandlebars.InlineHelpers.Contains(tokens[0])) { Param(tokens[0]); return; }
        HelperCall(tokens, inner);
    }

    private void HelperCall(List<string> tokens, string source)
    {
        var name = tokens[0];
        if (PromptHandlebars.BlockHelpers.Contains(name))
            Error($"'{name}' is a block helper: write {{{{#{name} ...}}}} ... {{{{/{name}}}}}");
        else if (!PromptHandlebars.InlineHelpers.Contains(name))
            Error($"unknown helper '{name}' in '{{{{{source}}}}}' (known: {string.Join(", ", PromptHandlebars.InlineHelpers.Order())}; blocks: #if, #unless, #each, #with)");
        foreach (var t in tokens.Skip(1)) Param(t);
    }

    private void OpenBlock(string inner)
    {
        var tokens = Tokenize(inner);
        if (tokens is null) return;
        if (tokens.Count == 0) { Error("'{{#}}' has no helper name"); return; }
        var name = tokens[0];
        if (!PromptHandlebars.BlockHelpers.Contains(name))
        {
            Error($"unknown block helper '#{name}' (known: #if, #unless, #each, #with)");
            _blocks.Push(new Block(name, _line, false, null, []));
            return;
        }
        var blockParams = tokens.Count >= 3 && tokens[^2] == "as" && tokens[^1].StartsWith('|')
            ? tokens[^1].Trim('|').Split(' ', StringSplitOptions.RemoveEmptyEntries) : [];
        var args = tokens.Skip(1).Take(tokens.Count - 1 - (blockParams.Length > 0 ? 2 : 0)).ToList();
        if (args.Count != 1) Error($"{{{{#{name}}}}} takes exactly one argument, found {args.Count}");
        var type = args.Count > 0 ? Param(args[0]) : null;
        string? itemType = null;
        if (name == "each")
        {
            if (type is PromptInputCatalog.String or PromptInputCatalog.Number)
                Error($"{{{{#each {args[0]}}}}} needs a list, but '{args[0]}' is a {type}");
            itemType = type == PromptInputCatalog.StringList ? PromptInputCatalog.String : null;
        }
        else if (name == "with" && type is PromptInputCatalog.String or PromptInputCatalog.Number or PromptInputCatalog.StringList)
        {
            Error($"{{{{#with {args[0]}}}}} needs an object, but '{args[0]}' is a {type}");
        }
        _blocks.Push(new Block(name, _line, name is "each" or "with", itemType, blockParams, args.Count > 0 ? " " + args[0] : ""));
    }

    private void CloseBlock(string name)
    {
        if (_blocks.Count == 0) { Error($"{{{{/{name}}}}} closes a block that was never opened"); return; }
        var open = _blocks.Pop();
        if (open.Name != name) Error($"{{{{/{name}}}}} does not match {{{{#{open.Name}}}}} opened on line {open.Line}");
    }

    private void Else(string rest)
    {
        if (_blocks.Count == 0) { Error("{{else}} outside a block"); return; }
        if (rest.Length == 0) return;
        var tokens = Tokenize(rest);
        if (tokens is null || tokens.Count == 0) return;
        if (tokens[0] is not ("if" or "unless") || tokens.Count != 2) { Error($"'{{{{else {rest}}}}}' : only 'else if x' and 'else unless x' are allowed"); return; }
        Param(tokens[1]);
    }

    /// <summary>Checks one argument and returns its input type when it is known.</summary>
    private string? Param(string token)
    {
        if (token.StartsWith('"') || token.StartsWith('\'')) return PromptInputCatalog.String;
        if (double.TryParse(token, System.Globalization.CultureInfo.InvariantCulture, out _)) return PromptInputCatalog.Number;
        if (token is "true" or "false" or "null" or "undefined") return null;
        if (token.StartsWith('('))
        {
            if (!token.EndsWith(')')) { Error($"unbalanced parentheses in '{token}'"); return null; }
            var tokens = Tokenize(token[1..^1].Trim());
            if (tokens is null || tokens.Count == 0) { Error("empty subexpression '()'"); return null; }
            HelperCall(tokens, token);
            return null;
        }
        var eq = token.IndexOf('=');
        if (eq > 0 && !token[..eq].Contains('[')) return Param(token[(eq + 1)..]);
        return Path(token);
    }

    /// <summary>Resolves a path against the scopes; returns the input type when known.</summary>
    private string? Path(string path)
    {
        if (path.StartsWith('@')) return DataVariable(path);
        var p = path;
        var explicitContext = false;
        var up = 0;
        while (p.StartsWith("../", StringComparison.Ordinal)) { up++; p = p[3..]; explicitContext = true; }
        if (p is "this" or "." ) { p = ""; explicitContext = true; }
        else if (p.StartsWith("this.", StringComparison.Ordinal) || p.StartsWith("this/", StringComparison.Ordinal)) { p = p[5..]; explicitContext = true; }
        else if (p.StartsWith("./", StringComparison.Ordinal)) { p = p[2..]; explicitContext = true; }

        var scopes = _blocks.Where(b => b.ChangesContext).ToList(); // innermost first
        if (up > scopes.Count) { Error($"'{path}' climbs above the template's inputs"); return null; }
        var segments = Segments(p);
        if (segments.Count > 0 && !explicitContext && _blocks.Any(b => b.BlockParams.Contains(segments[0]))) return null;
        if (up == scopes.Count) return segments.Count == 0 ? PromptInputCatalog.Object : Root(segments, path);

        var scope = scopes[up];
        if (segments.Count == 0) return scope.ItemType;
        if (scope.ItemType is PromptInputCatalog.String)
            Error($"'{path}' inside {{{{#{scope.Name}{scope.Argument}}}}} (line {scope.Line}) looks it up on the item, which is a string: write {{{{this}}}}, or {{{{@root.{segments[0]}}}}} for an input");
        return null;
    }

    private string? DataVariable(string path)
    {
        if (path == "@root") return PromptInputCatalog.Object;
        if (path.StartsWith("@root.", StringComparison.Ordinal) || path.StartsWith("@root/", StringComparison.Ordinal))
            return Root(Segments(path[6..]), path);
        var name = Segments(path[1..]).FirstOrDefault() ?? "";
        if (name is not ("index" or "key" or "first" or "last")) { Error($"unknown data variable '{path}' (known: @index, @key, @first, @last, @root)"); return null; }
        if (!_blocks.Any(b => b.Name == "each")) Error($"'{path}' is only set inside {{{{#each}}}}");
        return name == "index" ? PromptInputCatalog.Number : null;
    }

    private string? Root(IReadOnlyList<string> segments, string path)
    {
        var head = segments[0];
        if (!inputs.TryGetValue(head, out var input))
        {
            Error($"'{{{{{path}}}}}' uses '{head}', which is not a declared input: add it under 'inputs'");
            return null;
        }
        Used.Add(head);
        if (segments.Count == 1) return input.Type;
        if (input.Type == PromptInputCatalog.Object) return null;
        if (input.Type == PromptInputCatalog.StringList && segments is [_, "length"]) return PromptInputCatalog.Number;
        Error($"'{path}': input '{head}' is a {input.Type} and has no property '{segments[1]}'");
        return null;
    }

    private static List<string> Segments(string path) =>
        path.Length == 0 ? [] : path.Split('.', '/').Select(s => s.Trim('[', ']')).ToList();

    /// <summary>Splits on spaces outside quotes, parentheses, brackets and |block params|; null (and an error)
    /// when something is left open.</summary>
    private List<string>? Tokenize(string s)
    {
        var tokens = new List<string>();
        var start = -1;
        var depth = 0;
        char? quote = null;
        var inBracket = false;
        var inPipes = false;
        for (var i = 0; i <= s.Length; i++)
        {
            var end = i == s.Length;
            var c = end ? ' ' : s[i];
            if (!end && start < 0 && !char.IsWhiteSpace(c)) start = i;
            if (end || quote is null && depth == 0 && !inBracket && !inPipes && char.IsWhiteSpace(c))
            {
                if (start >= 0 && !(end && (quote is not null || depth != 0 || inBracket || inPipes))) tokens.Add(s[start..i]);
                start = -1;
                continue;
            }
            if (quote is not null) { if (c == quote) quote = null; continue; }
            switch (c)
            {
                case '"' or '\'': quote = c; break;
                case '(': depth++; break;
                case ')': depth--; break;
                case '[': inBracket = true; break;
                case ']': inBracket = false; break;
                case '|': inPipes = !inPipes; break;
            }
        }
        if (quote is not null || depth != 0 || inBracket || inPipes)
        {
            Error($"unbalanced quotes, parentheses, brackets or pipes in '{{{{{s}}}}}'");
            return null;
        }
        return tokens;
    }

    private void Error(string message, int? line = null) => Errors.Add(new SourceError(file, line ?? _line, message));
}
