using ContentStudio.Core.Llm;
namespace ContentStudio.Core.Generation.Offline;

/// <summary>The reviewer instructions the offline composer understands ("shorter", "more formal",
/// "mention the offer earlier", ...). Anything else in the feedback is ignored: a real model reads it.</summary>
internal sealed partial record FeedbackDirectives(
    bool Shorter, bool Longer, bool MoreFormal, bool MoreCasual,
    bool OfferFirst, bool NoQuestions, bool NoExclamations, bool MoreUrgent,
    bool NoQuestionOpener = false, IReadOnlyList<string>? Mentions = null)
{
    public static FeedbackDirectives None { get; } = new(false, false, false, false, false, false, false, false);

    /// <summary>What the reviewer asked to see mentioned ("mention the pause option" → "the pause option").</summary>
    public IReadOnlyList<string> MentionList => Mentions ?? [];

    public static FeedbackDirectives Parse(string? feedback)
    {
        if (string.IsNullOrWhiteSpace(feedback)) return None;
        var text = feedback.ToLowerInvariant();
        bool Has(params string[] cues) => cues.Any(text.Contains);

        var casual = Has("more casual", "less formal", "friendlier", "more friendly", "warmer", "more playful",
            "more relaxed", "less stiff", "more fun");
        return new(
            Shorter: Has("shorter", "more concise", "too long", "shorten", "tighter", "less wordy", "cut it down", "keep it brief"),
            Longer: Has("longer", "more detail", "expand", "too short", "elaborate"),
            MoreFormal: !casual && Has("formal", "professional", "more serious", "less casual", "more polished"),
            MoreCasual: casual,
            OfferFirst: Has("offer earlier", "offer first", "lead with the offer", "open with the offer",
                "offer up front", "offer upfront", "offer sooner", "offer at the top", "mention the offer"),
            NoQuestions: Has("no question", "fewer questions", "without question", "avoid question", "less questions",
                "don't ask", "do not ask"),
            NoExclamations: Has("no exclamation", "fewer exclamation", "less exclamation", "calmer", "tone it down",
                "less shouty"),
            MoreUrgent: Has("more urgent", "urgency", "urgent", "create fomo"),
            NoQuestionOpener: Has("question opener", "opening question", "open with a question", "opens with a question",
                "start with a question", "starts with a question", "lead with a question", "leads with a question",
                "drop the question", "lose the question", "remove the question", "cut the question"),
            Mentions: MentionPattern().Matches(text).Select(m => m.Groups["x"].Value.Trim().TrimEnd('.', ',', ';', '!', ' '))
                .Where(x => x.Length > 2 && !x.StartsWith("the offer", StringComparison.Ordinal)).Distinct().ToList());
    }

    // "mention X", "talk about X", "include X", "add X", "highlight X", "say more about X": up to the end of the clause.
    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:mention|talk about|include|highlight|say more about|bring up|add)\s+(?<x>[^.,;!?\n]{3,80})")]
    private static partial System.Text.RegularExpressions.Regex MentionPattern();
}
