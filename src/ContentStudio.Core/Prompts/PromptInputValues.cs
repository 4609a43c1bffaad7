using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ContentStudio.Core.Brands;
using ContentStudio.Core.Channels;
using ContentStudio.Core.Llm;
using ContentStudio.Core.Text;
using ContentStudio.Core.Generation;

namespace ContentStudio.Core.Prompts;

/// <summary>Turns a <see cref="CompositionRequest"/> into the values of <see cref="PromptInputCatalog"/>. Every
/// string is cleaned; text typed by people (brief, segment, guide prose, feedback) is also fenced. An empty
/// value is absent (null), so <c>{{#if offer}}</c> works and a required input can be reported missing.</summary>
public static partial class PromptInputValues
{
    /// <summary>Creative angles offered to successive variants so they differ; none invites invented facts.</summary>
    public static IReadOnlyList<string> Angles { get; } =
    [
        "benefit-led: open with what the reader gains",
        "problem-led: open with the problem the product solves",
        "question-led: open with a question the reader would ask",
        "moment-led: picture a moment in the reader's day",
        "direct: lead with the offer and the action",
    ];

    public static Dictionary<string, object?> Build(CompositionRequest request, PromptTemplate template)
    {
        var (brand, segment, channel, brief) = (request.Brand, request.Segment, request.Channel, request.Brief);
        var outputs = template.OutputFields.Count > 0 ? template.OutputFields : channel.Fields.Select(f => f.Name).ToList();
        var fields = channel.Fields.Where(f => outputs.Contains(f.Name, StringComparer.OrdinalIgnoreCase)).ToList();
        var variantNumber = Math.Max(1, request.VariantIndex + 1);
        return new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["brandName"] = Plain(brand.Name),
            ["voiceAttributes"] = List(brand.VoiceAttributes),
            ["preferredTerms"] = List(brand.PreferredTerms),
            ["bannedTerms"] = List(brand.BannedTerms.Select(t => t.Term)),
            ["deprecatedTerms"] = List(brand.DeprecatedTerms.Select(t => t.Replacement is { Length: > 0 } r ? $"\"{t.Term}\" (use \"{r}\")" : $"\"{t.Term}\"")),
            ["productNames"] = List(brand.ProductNames),
            ["approvedClaims"] = List(brand.Claims.Select(c => c.Text)),
            ["disclaimer"] = Plain(brand.Disclaimers.GetValueOrDefault(channel.Kind)),
            ["smsOptOut"] = channel.Kind == ChannelKind.Sms ? Plain(brand.SmsOptOut) : null,
            ["readingLevelMin"] = Number(brand.ReadingLevel.MinGrade),
            ["readingLevelMax"] = Number(brand.ReadingLevel.MaxGrade),
            ["styleRules"] = List(StyleRules(brand.Style)),
            ["brandVoiceGuide"] = Fenced("brand.voice", brand.Section("Voice")),
            ["brandDo"] = Fenced("brand.do", brand.Section("Do")),
            ["brandDont"] = Fenced("brand.dont", FirstSection(brand, "Don't", "Dont", "Don\u2019t", "Do not")),
            ["brandExamples"] = Fenced("brand.examples", brand.Examples.Count > 0 ? Bullets(brand.Examples) : brand.Section("Examples")),
            ["segmentName"] = Fenced("segment.name", segment.Name),
            ["segmentDescription"] = Fenced("segment.description", segment.Description),
            ["ageBand"] = Fenced("segment.ageBand", segment.AgeBand),
            ["lifecycleStage"] = Fenced("segment.lifecycleStage", segment.LifecycleStage),
            ["interests"] = Fenced("segment.interests", Bullets(segment.Interests)),
            ["painPoints"] = Fenced("segment.painPoints", Bullets(segment.PainPoints)),
            ["toneAdjustment"] = Fenced("segment.toneAdjustment", segment.ToneAdjustment),
            ["locale"] = LocalePattern().IsMatch(segment.Locale) ? segment.Locale : Plain(brand.Locale),
            ["product"] = Fenced("brief.product", brief.Product),
            ["objective"] = Fenced("brief.objective", brief.Objective),
            ["keyMessages"] = Fenced("brief.keyMessages", Bullets(brief.KeyMessages)),
            ["offer"] = Fenced("brief.offer", brief.Offer),
            ["callToAction"] = Fenced("brief.callToAction", brief.CallToAction),
            ["channelName"] = channel.DisplayName,
            ["channelKey"] = channel.Key,
            ["channelFields"] = fields.Select(f => new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["name"] = f.Name, ["label"] = f.Label, ["maxLength"] = f.MaxLength, ["required"] = f.Required, ["purpose"] = f.Purpose,
            }).ToList(),
            ["maxSmsSegments"] = channel.MaxSmsSegments,
            ["outputJson"] = OutputJson(fields),
            ["variantNumber"] = variantNumber,
            ["variantTotal"] = Math.Max(variantNumber, request.Brief.VariantsPerSegment),
            ["angle"] = Angles[Math.Max(0, request.VariantIndex) % Angles.Count],
            ["feedback"] = Fenced("reviewer.feedback", request.Feedback),
        };
    }

    /// <summary>The brand's style policy as instructions a model can follow.</summary>
    public static IEnumerable<string> StyleRules(StylePolicy style)
    {
        yield return style.MaxExclamations <= 0 ? "Use no exclamation marks."
            : $"Use at most {style.MaxExclamations} exclamation mark{(style.MaxExclamations == 1 ? "" : "s")}.";
        yield return style.EmojiAllowed ? "Emoji are allowed, sparingly." : "Use no emoji.";
        if (!style.AllCapsAllowed) yield return "Do not write words in ALL CAPS (acronyms of up to 4 letters are fine).";
        if (style.HypeWords.Count > 0) yield return $"Avoid hype words: {string.Join(", ", style.HypeWords.Select(UntrustedText.Clean))}.";
    }

    private static string OutputJson(IReadOnlyList<FieldSpec> fields)
    {
        var sb = new StringBuilder("{\n");
        for (var i = 0; i < fields.Count; i++)
        {
            var f = fields[i];
            var limit = f.MaxLength is { } max ? $", at most {max} characters" : "";
            sb.Append($"  \"{f.Name}\": \"<{f.Label.ToLowerInvariant()}{limit}>\"{(i < fields.Count - 1 ? "," : "")}\n");
        }
        return sb.Append('}').ToString();
    }

    private static string? Plain(string? text) => UntrustedText.Clean(text).Trim() is { Length: > 0 } t ? t : null;

    private static string? Fenced(string label, string? text) => Plain(text) is { } t ? UntrustedText.Fence(label, t) : null;

    private static string[]? List(IEnumerable<string> items) =>
        items.Select(Plain).OfType<string>().ToArray() is { Length: > 0 } list ? list : null;

    private static string Bullets(IEnumerable<string> items) =>
        string.Join("\n", items.Select(Plain).OfType<string>().Select(i => "- " + i.Replace("\n", " ")));

    private static object? Number(double value) =>
        value == Math.Floor(value) ? (int)value : value.ToString(CultureInfo.InvariantCulture);

    private static string FirstSection(Brand brand, params string[] headings) =>
        headings.Select(brand.Section).FirstOrDefault(s => s.Length > 0) ?? "";

    [GeneratedRegex("^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")]
    private static partial Regex LocalePattern();
}
