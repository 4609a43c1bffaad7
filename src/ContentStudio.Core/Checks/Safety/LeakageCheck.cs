using System.Text.RegularExpressions;

namespace ContentStudio.Core.Checks.Safety;

/// <summary>Signs the model's output is not clean copy: assistant boilerplate ("As an AI language model"),
/// chat framing ("Here is your email:"), code fences, prompt fence markers and role labels, unrendered
/// template syntax and placeholders, and (when the prompt is known) long passages copied from it.</summary>
public sealed partial class LeakageCheck : ITextCheck
{
    public const string BoilerplateRule = "leakage.ai-boilerplate";
    public const string FenceRule = "leakage.fence";
    public const string PlaceholderRule = "leakage.placeholder";
    public const string PromptEchoRule = "leakage.prompt-echo";
    private const int EchoWords = 8;

    public IReadOnlyList<string> RuleIds { get; } = [BoilerplateRule, FenceRule, PlaceholderRule, PromptEchoRule];
    public IReadOnlyList<string> Categories { get; } = [CheckCategories.Leakage];

    [GeneratedRegex(@"\bas an? (?:ai (?:language )?model|large language model|language model|artificial intelligence|a\.i\.|ai|llm|assistant)\b|\bi(?:'m| am) (?:an? )?(?:ai|language model|chatbot)\b|\bi(?:'m| am) (?:sorry|unable|not able)\b|\bi (?:cannot|can't|can not) (?:help|assist|provide|create|write|comply)\b|(?:^|(?<=[.!?:]\s))(?:sure|certainly|of course)[!,.](?=\s)|(?:^|(?<=[.!?:]\s))here(?:'s| is| are) (?:the|your|a|an|some)\b[^.\n]{0,40}(?:email|sms|copy|post|ad|variant|version|draft|text|message|headline)s?\b[^.\n]{0,20}:|\bknowledge cutoff\b|\bopenai\b|\bchatgpt\b", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex Boilerplate();

    [GeneratedRegex(@"```|~~~|<<<|>>>|<\|im_(?:start|end)\|>|\[/?INST\]|</?(?:untrusted|brief|system|user|assistant|data)[^>]*>|\b(?:BEGIN|END)[ _-](?:UNTRUSTED|BRIEF|INPUT|DATA|CONTEXT|SEGMENT)\w*|^\s*(?:system|assistant|user)\s*:", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex Fence();

    [GeneratedRegex(@"\{\{[^}]*\}\}|\{\{|\}\}|\[(?:insert|placeholder|your|product|brand|name|link|url|date|tbd|todo)[^\]]{0,40}\]|\bTODO\b|\bTBD\b|\blorem ipsum\b|<(?:insert|placeholder)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex Placeholder();

    // The first word (or character) of every alternative of the three regexes.
    private static readonly Analysis.WordTriggers BoilerplateTriggers = new(
        ["as", "i", "i'm", "i’m", "sure", "certainly", "course", "here", "here's", "here’s", "knowledge", "openai", "chatgpt"]);
    private static readonly Analysis.WordTriggers MarkupTriggers = new(
        ["begin", "end", "system", "assistant", "user", "todo", "tbd", "lorem"], "`~<>[]{}|");

    public void Run(CheckContext context)
    {
        HashSet<string>? promptShingles = null;
        foreach (var field in context.Fields)
        {
            var text = field.Text;
            if (context.Content.PromptText is { Length: > 0 } p && field.Words.Length >= EchoWords)
                Echo(context, field, promptShingles ??= Shingles(p));
            if (BoilerplateTriggers.Fires(field))
                foreach (Match m in Boilerplate().Matches(text))
                    Add(context, field.Name, m, BoilerplateRule, Severity.Blocker,
                        "Reads like the model talking, not like copy: assistant boilerplate must not reach a customer.", "remove it");
            if (!MarkupTriggers.Fires(field)) continue;
            foreach (Match m in Fence().Matches(text))
                Add(context, field.Name, m, FenceRule, Severity.Blocker,
                    "A code fence, prompt marker or role label leaked from the prompt into the copy.", "remove it");
            foreach (Match m in Placeholder().Matches(text))
                Add(context, field.Name, m, PlaceholderRule, Severity.Blocker,
                    "An unfilled placeholder or template tag.", "fill it in or remove it");
        }
    }

    /// <summary>True when the placeholder rule matches at exactly this span (the integrity slot rule leaves those to it).</summary>
    internal static bool IsPlaceholderAt(string text, int index, int length)
    {
        var m = Placeholder().Match(text, index);
        return m.Success && m.Index == index && m.Length >= length;
    }

    private static void Add(CheckContext context, string field, Match m, string rule, Severity severity, string message, string suggestion) =>
        context.Add(new Finding(rule, CheckCategories.Leakage, severity, field, m.Index, m.Length, m.Value, message, suggestion));

    // Eight words in a row that also appear in the prompt are instructions or fenced input copied out.
    private static void Echo(CheckContext context, Analysis.AnalyzedField field, HashSet<string> prompt)
    {
        var words = field.Words;
        for (var i = 0; i + EchoWords <= words.Length; i++)
        {
            var key = string.Join(' ', Enumerable.Range(i, EchoWords).Select(k => field.Span(words[k]).ToString().ToLowerInvariant()));
            if (!prompt.Contains(key)) continue;
            var start = words[i].Start;
            var length = words[i + EchoWords - 1].End - start;
            context.Add(new Finding(PromptEchoRule, CheckCategories.Leakage, Severity.Warning, field.Name, start, length,
                field.Text.Substring(start, length), "This passage repeats the prompt word for word; check it is not leaked instructions.", "rewrite it"));
            return;
        }
    }

    private static HashSet<string> Shingles(string prompt)
    {
        var field = new Analysis.AnalyzedField("prompt", prompt);
        var set = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + EchoWords <= field.Words.Length; i++)
            set.Add(string.Join(' ', Enumerable.Range(i, EchoWords).Select(k => field.Span(field.Words[k]).ToString().ToLowerInvariant())));
        return set;
    }
}
