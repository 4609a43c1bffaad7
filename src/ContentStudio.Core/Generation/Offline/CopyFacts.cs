using System.Globalization;
using System.Text.RegularExpressions;
using ContentStudio.Core.Generation;
using ContentStudio.Core.Llm;

namespace ContentStudio.Core.Generation.Offline;

internal enum Register { Formal, Neutral, Casual }

/// <summary>Everything the composer may say, cleaned once: the brief's facts (product, offer, deadline,
/// key messages, call to action), the segment's interests and pain points, the brand's vocabulary and
/// the voice to write in. Copy is built only from these and from fact-free connecting phrases.</summary>
internal sealed class CopyFacts
{
    private static readonly string[] FormalCues =
        ["formal", "professional", "plain", "reassur", "calm", "trust", "precise", "measured", "respectful",
         "serious", "authoritative", "clear", "straightforward"];
    private static readonly string[] CasualCues =
        ["playful", "bold", "witty", "fun", "energetic", "casual", "cheeky", "upbeat", "irreverent", "warm",
         "friendly", "lively", "enthusiastic"];

    public required string BrandName { get; init; }
    public required string Product { get; init; }
    public string? Offer { get; init; }
    public string? Deadline { get; init; }
    /// <summary>The brief's key messages, typed (an instruction, a fact, a noun phrase …).</summary>
    public required IReadOnlyList<Phrase> KeyMessages { get; init; }
    public required string Cta { get; init; }
    /// <summary>The segment's interests and pain points, typed so each goes only where English allows it.</summary>
    public required IReadOnlyList<Phrase> Interests { get; init; }
    public required IReadOnlyList<Phrase> PainPoints { get; init; }
    /// <summary>The segment's relationship with the brand (prospect, new, active, loyal, lapsed), lower case.</summary>
    public string Lifecycle { get; init; } = "";
    /// <summary>The released template's style directives, with the reviewer's feedback applied on top.</summary>
    public required Prompts.PromptStyle Style { get; init; }
    public Register Register { get; init; }
    public bool Regulated { get; init; }
    public int Exclamations { get; init; }
    public bool EmojiAllowed { get; init; }
    public bool Reassure { get; init; }
    public string? Disclaimer { get; init; }
    public required string OptOut { get; init; }
    public required FeedbackDirectives Feedback { get; init; }
    public required CopyPolish Polish { get; init; }

    public bool Formal => Register == Register.Formal;
    public bool Casual => Register == Register.Casual;
    public bool HasOffer => Offer is not null;

    /// <summary>Questions anywhere in the copy (the reviewer can ask for none).</summary>
    public bool QuestionsAllowed => !Feedback.NoQuestions;

    /// <summary>A question as the first thing read: not when the reviewer asked to drop the question opener or the
    /// template declares a statement or offer opening.</summary>
    public bool QuestionOpenerAllowed => QuestionsAllowed && !Feedback.NoQuestionOpener &&
        Style.Opening is null or Prompts.PromptOpening.Question;

    /// <summary>The offer (or, without one, a key message) comes first: the reviewer's "lead with the offer" or the
    /// template's offer opening.</summary>
    public bool OfferFirst => Feedback.OfferFirst || Style.Opening == Prompts.PromptOpening.Offer;

    public bool Shorter => Feedback.Shorter || (Style.Length == Prompts.PromptLength.Short && !Feedback.Longer);
    public bool Longer => Feedback.Longer || (Style.Length == Prompts.PromptLength.Long && !Feedback.Shorter);

    /// <summary>True when the text uses one of the segment's interests or pain points (as written, or inflected).</summary>
    public bool MentionsSegment(string text)
    {
        // "Savings" as an interest is not met by "Harbor High-Yield Savings": names do not count.
        foreach (var name in Names) text = text.Replace(name, " ", StringComparison.OrdinalIgnoreCase);
        return Interests.Concat(PainPoints).Any(p => text.Contains(p.Text, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The register's wording: contractions and warmth for casual, plain full forms for formal.</summary>
    public string Say(string casual, string formal) => Formal ? formal : casual;

    public Phrase? Interest(int i) => Rotate(Interests, i);
    public Phrase? Pain(int i) => Rotate(PainPoints, i);
    public Phrase? KeyMessage(int i) => Rotate(KeyMessages, i);

    /// <summary>The text as it reads after a colon or mid-sentence: "A $150 bonus" → "a $150 bonus", while
    /// names and acronyms ("Northbank Everyday Saver", "FDIC insured") keep their capitals.</summary>
    public string Inline(string text)
    {
        if (text.Length < 2 || !char.IsUpper(text[0])) return text;
        if (Names.Any(n => text.StartsWith(n, StringComparison.Ordinal))) return text;
        var firstWord = text.Split(' ', 2)[0];
        var lowerRest = firstWord.Length == 1 || firstWord.Skip(1).All(c => !char.IsLetter(c) || char.IsLower(c));
        return lowerRest ? char.ToLowerInvariant(text[0]) + text[1..] : text;
    }

    public required IReadOnlyList<string> Names { get; init; }

    private static T? Rotate<T>(IReadOnlyList<T> items, int i) where T : class =>
        items.Count == 0 ? null : items[((i % items.Count) + items.Count) % items.Count];

    public static CopyFacts From(CompositionRequest request, FeedbackDirectives feedback)
    {
        var (brand, segment, brief) = (request.Brand, request.Segment, request.Brief);
        var product = Canonical(brief.Product, brand.ProductNames) is { Length: > 0 } p ? p
            : brand.ProductNames.FirstOrDefault() ?? brand.Name;
        var deadline = brief.DeadlineUtc is { } d ? "until " + d.ToString(
            brand.Locale.StartsWith("en-US", StringComparison.OrdinalIgnoreCase) ? "MMMM d" : "d MMMM",
            CultureInfo.InvariantCulture) : null;
        brand.Disclaimers.TryGetValue(request.Channel.Kind, out var disclaimer);
        var polish = new CopyPolish(brand,
            [brief.Product, brief.Offer, brief.CallToAction, deadline ?? "", brand.Name, disclaimer ?? "",
             brand.SmsOptOut, .. brief.KeyMessages, .. brand.ProductNames]);
        string Names(string text) => NormaliseNames(text, brand.ProductNames.Append(brand.Name));

        var style = request.Style ?? Prompts.PromptStyle.None;
        var register = ChooseRegister(brand, segment.ToneAdjustment, feedback, style);
        var cta = polish.Sentence(Names(brief.CallToAction.Trim().TrimEnd('.', '!', ' ')));
        return new CopyFacts
        {
            BrandName = brand.Name,
            Product = product,
            Names = [.. brand.ProductNames, brand.Name, product],
            Offer = polish.Sentence(Names(brief.Offer.Trim().TrimEnd('.', ' '))),
            Deadline = deadline,
            KeyMessages = brief.KeyMessages.Select(k => polish.Sentence(Names(AsSentence(k))))
                .OfType<string>().Distinct().Select(Phrase.Of).ToList(),
            Cta = cta ?? (register == Register.Formal ? "Find out more" : "Take a look"),
            // An interest is something the reader likes: only a noun phrase fits the patterns that name one.
            Interests = Fragments(segment.Interests, polish).Where(p => p.IsNoun).ToList(),
            PainPoints = Fragments(segment.PainPoints, polish).Where(p => p.IsNoun || p.Kind == PhraseKind.Clause).ToList(),
            Lifecycle = segment.LifecycleStage.Trim().ToLowerInvariant(),
            Style = style,
            Register = register,
            Regulated = brand.Regulated,
            // Formal copy never exclaims; casual copy may, up to the brand's limit.
            Exclamations = register == Register.Casual && !brand.Regulated && !feedback.NoExclamations
                ? Math.Min(1, brand.Style.MaxExclamations) : 0,
            EmojiAllowed = brand.Style.EmojiAllowed && !brand.Regulated,
            Reassure = segment.ToneAdjustment.Contains("reassur", StringComparison.OrdinalIgnoreCase),
            Disclaimer = string.IsNullOrWhiteSpace(disclaimer) ? null : disclaimer.Trim(),
            OptOut = string.IsNullOrWhiteSpace(brand.SmsOptOut) ? "Reply STOP to opt out." : brand.SmsOptOut.Trim(),
            Feedback = feedback,
            Polish = polish,
        };
    }

    private static Register ChooseRegister(Brands.Brand brand, string toneAdjustment, FeedbackDirectives feedback, Prompts.PromptStyle style)
    {
        if (feedback.MoreFormal) return Register.Formal;
        // The template's declared tone comes after the reviewer, and a regulated brand never turns casual.
        if (style.Tone is { } tone && !feedback.MoreCasual)
            return tone switch
            {
                Prompts.PromptTone.Formal => Register.Formal,
                Prompts.PromptTone.Casual => brand.Regulated ? Register.Neutral : Register.Casual,
                _ => Register.Neutral,
            };
        if (brand.Regulated) return feedback.MoreCasual ? Register.Neutral : Register.Formal;
        if (feedback.MoreCasual) return Register.Casual;
        var cues = string.Join(' ', brand.VoiceAttributes.Append(toneAdjustment)).ToLowerInvariant();
        var formal = FormalCues.Count(cues.Contains);
        var casual = CasualCues.Count(cues.Contains);
        return casual > formal ? Register.Casual : formal > casual ? Register.Formal : Register.Neutral;
    }

    private static List<Phrase> Fragments(IEnumerable<string> items, CopyPolish polish) =>
        items.Select(i => i.Trim().TrimEnd('.', '!', '?', ',', ';', ' '))
            .Where(i => i.Length > 0 && polish.IsClean(i))
            .Select(i => polish.Sentence(i)).OfType<string>()
            .Distinct(StringComparer.OrdinalIgnoreCase).Select(Phrase.Of).ToList();

    private static string AsSentence(string text)
    {
        text = text.Trim();
        if (text.Length == 0) return text;
        text = char.ToUpperInvariant(text[0]) + text[1..];
        return char.IsLetterOrDigit(text[^1]) || text[^1] is ')' or '"' or '%' ? text + "." : text;
    }

    private static string Canonical(string text, IEnumerable<string> names) =>
        names.FirstOrDefault(n => string.Equals(n, text.Trim(), StringComparison.OrdinalIgnoreCase)) ?? text.Trim();

    /// <summary>Product and brand names in their exact spelling wherever the brief wrote them.</summary>
    private static string NormaliseNames(string text, IEnumerable<string> names)
    {
        foreach (var name in names.Where(n => n.Length > 0).OrderByDescending(n => n.Length))
            text = Regex.Replace(text, $@"(?<![\p{{L}}\p{{N}}]){Regex.Escape(name)}(?![\p{{L}}\p{{N}}])", _ => name,
                RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        return text;
    }
}
