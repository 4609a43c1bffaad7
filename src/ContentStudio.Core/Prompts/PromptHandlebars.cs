using System.Collections;
using System.Globalization;
using HandlebarsDotNet;

namespace ContentStudio.Core.Prompts;

/// <summary>The Handlebars environment prompts are compiled in, and the helpers it knows. The validator and the
/// renderer share it, so a template that validates is one that renders.</summary>
public static class PromptHandlebars
{
    /// <summary>Block helpers Handlebars has built in.</summary>
    public static IReadOnlySet<string> BlockHelpers { get; } = new HashSet<string>(StringComparer.Ordinal) { "if", "unless", "each", "with" };

    /// <summary>Helpers usable inside an expression: <c>{{join list ", "}}</c>, <c>{{#if (eq channelKey "sms")}}</c>.</summary>
    public static IReadOnlySet<string> InlineHelpers { get; } = new HashSet<string>(StringComparer.Ordinal) { "join", "eq", "lookup" };

    public static IHandlebars Create()
    {
        // Prompts are plain text, not HTML: escaping would turn "&" into "&amp;" in what the model reads.
        var hb = Handlebars.Create(new HandlebarsConfiguration { NoEscape = true });
        hb.RegisterHelper("join", (_, args) => Join(args.Length > 0 ? args[0] : null, args.Length > 1 ? args[1]?.ToString() : ", "));
        hb.RegisterHelper("eq", (_, args) => args.Length == 2 && string.Equals(Text(args[0]), Text(args[1]), StringComparison.Ordinal));
        return hb;
    }

    private static string Join(object? list, string? separator) => list switch
    {
        null => "",
        string s => s,
        IEnumerable items => string.Join(separator ?? ", ", items.Cast<object?>().Select(Text)),
        _ => Text(list),
    };

    private static string Text(object? value) => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
}
