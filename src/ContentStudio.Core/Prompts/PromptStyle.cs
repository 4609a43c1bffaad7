namespace ContentStudio.Core.Prompts;

public enum PromptTone { Formal, Neutral, Casual }

public enum PromptOpening { Question, Statement, Offer }

public enum PromptLength { Short, Standard, Long }

/// <summary>The style a template declares in its front matter under <c>style:</c> (see prompts/README.md): the angles
/// its variants rotate through, the tone, how the copy opens, its length and the order of an email's paragraphs. The
/// offline composer follows them; real models read them in the prompt (<c>{{styleDirectives}}</c>, or appended to the
/// user message when the template does not place them), so a template edit changes what either writes.</summary>
public sealed record PromptStyle(
    IReadOnlyList<string> Angles,
    PromptTone? Tone = null,
    PromptOpening? Opening = null,
    PromptLength? Length = null,
    IReadOnlyList<string>? Structure = null)
{
    public static PromptStyle None { get; } = new([]);

    /// <summary>The angle names a template may list, in the composer's default order.</summary>
    public static IReadOnlyList<string> AngleNames { get; } =
        ["benefit", "problem", "interest", "question", "introduction", "reasons-why", "offer", "urgency"];

    /// <summary>The parts of an email body a template may order.</summary>
    public static IReadOnlyList<string> StructureParts { get; } = ["lead", "facts", "offer", "close"];

    public bool IsEmpty => Angles.Count == 0 && Tone is null && Opening is null && Length is null && (Structure?.Count ?? 0) == 0;

    /// <summary>The directives as plain instructions for a real model, one per line; empty when none are declared.</summary>
    public IReadOnlyList<string> Instructions()
    {
        var lines = new List<string>();
        if (Angles.Count > 0) lines.Add($"Take each variant from one of these angles, in this order: {string.Join(", ", Angles)}.");
        if (Tone is { } tone) lines.Add($"Tone: {tone.ToString().ToLowerInvariant()}.");
        if (Opening is { } opening)
            lines.Add(opening switch
            {
                PromptOpening.Question => "Open with a question to the reader.",
                PromptOpening.Offer => "Open with the offer, exactly as briefed (or the strongest key message when there is no offer).",
                _ => "Open with a plain statement, not a question.",
            });
        if (Length is { } length)
            lines.Add(length switch
            {
                PromptLength.Short => "Keep it short: the fewest sentences that carry the message.",
                PromptLength.Long => "Use the room the channel allows: cover every key message.",
                _ => "Standard length.",
            });
        if (Structure is { Count: > 0 } s) lines.Add($"Order the body's parts like this: {string.Join(", ", s)}.");
        return lines;
    }
}
