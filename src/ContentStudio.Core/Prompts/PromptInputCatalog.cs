namespace ContentStudio.Core.Prompts;

/// <summary>The inputs <see cref="PromptRenderer"/> can supply, by name and type. A template declares the ones it
/// uses; the parser rejects an input not listed here (it could never get a value) or one declared with another
/// type. "Fenced" inputs arrive already cleaned and wrapped in untrusted-data markers.</summary>
public static class PromptInputCatalog
{
    public const string String = "string";
    public const string StringList = "string[]";
    public const string Number = "number";
    public const string Object = "object";

    public static IReadOnlyList<string> Types { get; } = [String, StringList, Number, Object];

    public static IReadOnlyList<PromptInput> Known { get; } =
    [
        // Brand rules from the guide's front matter (curated by the brand manager; cleaned, not fenced).
        new("brandName", String, false, "the brand's name"),
        new("voiceAttributes", StringList, false, "adjectives describing the voice"),
        new("preferredTerms", StringList, false, "words the brand likes to use"),
        new("bannedTerms", StringList, false, "terms that must never appear"),
        new("deprecatedTerms", StringList, false, "terms to avoid, each with its replacement"),
        new("productNames", StringList, false, "product names in their exact spelling"),
        new("approvedClaims", StringList, false, "the only claims the copy may make"),
        new("disclaimer", String, false, "the disclaimer this channel requires (absent when none)"),
        new("smsOptOut", String, false, "the opt-out text an SMS must end with"),
        new("readingLevelMin", Number, false, "lowest Flesch-Kincaid grade"),
        new("readingLevelMax", Number, false, "highest Flesch-Kincaid grade"),
        new("styleRules", StringList, false, "exclamation, emoji, capitals and hype-word rules as sentences"),
        // Brand guide prose (fenced).
        new("brandVoiceGuide", String, false, "fenced: the guide's Voice section"),
        new("brandDo", String, false, "fenced: the guide's Do section"),
        new("brandDont", String, false, "fenced: the guide's Don't section"),
        new("brandExamples", String, false, "fenced: example copy from the guide"),
        // Segment (fenced: imported from a CDP or typed in the UI).
        new("segmentName", String, false, "fenced: the audience's name"),
        new("segmentDescription", String, false, "fenced: who they are"),
        new("ageBand", String, false, "fenced: age band"),
        new("lifecycleStage", String, false, "fenced: prospect, new, active, lapsed, loyal"),
        new("interests", String, false, "fenced: interests as a bullet list"),
        new("painPoints", String, false, "fenced: pain points as a bullet list"),
        new("toneAdjustment", String, false, "fenced: how to shift the voice for this audience"),
        new("locale", String, false, "language and region of the copy, e.g. en-US"),
        // Brief (fenced: written by the content marketer).
        new("product", String, false, "fenced: the product or service"),
        new("objective", String, false, "fenced: what the campaign should achieve"),
        new("keyMessages", String, false, "fenced: key messages as a bullet list"),
        new("offer", String, false, "fenced: the offer, exactly as briefed"),
        new("callToAction", String, false, "fenced: the action the reader should take"),
        // Channel (from ChannelCatalog).
        new("channelName", String, false, "display name of the channel"),
        new("channelKey", String, false, "channel key: email, sms, ad, social, landing-hero, push"),
        new("channelFields", Object, false, "list of {name, label, maxLength, required, purpose}"),
        new("maxSmsSegments", Number, false, "most SMS segments allowed (absent for other channels)"),
        new("outputJson", String, false, "the JSON object shape to return, built from the output fields"),
        // This variant.
        new("variantNumber", Number, false, "1-based number of this variant"),
        new("variantTotal", Number, false, "how many variants are written for this segment and channel"),
        new("angle", String, false, "a suggested creative angle, different per variant"),
        new("feedback", String, false, "fenced: reviewer feedback to address (absent on a first draft)"),
    ];

    private static readonly Dictionary<string, PromptInput> ByName = Known.ToDictionary(i => i.Name, StringComparer.Ordinal);

    public static PromptInput? Find(string name) => ByName.GetValueOrDefault(name);
}
