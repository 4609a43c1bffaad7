using System.Text.RegularExpressions;
using ContentStudio.Core.Brands;
using ContentStudio.Core.Channels;

namespace ContentStudio.Core.Checks.ChannelLimits;

/// <summary>The channel's schema: required fields present, field limits (UTF-16 units; SMS also in GSM-7 /
/// UCS-2 segments), SMS opt-out text, and a call to action where the channel has no CTA field of its own.
/// Runs only when the channel is known.</summary>
public sealed partial class ChannelRulesCheck(Brand? brand) : ITextCheck
{
    public const string MissingRule = "channel.field-missing";
    public const string TooLongRule = "channel.too-long";
    public const string UnknownFieldRule = "channel.unknown-field";
    public const string SegmentsRule = "channel.sms-segments";
    public const string Ucs2Rule = "channel.sms-ucs2";
    public const string OptOutRule = "channel.sms-opt-out";
    public const string CtaRule = "channel.cta-missing";

    public IReadOnlyList<string> RuleIds { get; } = [MissingRule, TooLongRule, UnknownFieldRule, SegmentsRule, Ucs2Rule, OptOutRule, CtaRule];
    public IReadOnlyList<string> Categories { get; } = [CheckCategories.Channel];

    [GeneratedRegex(@"\b(?:reply|text|txt)\s+stop\b|\bopt[- ]?out\b|\bunsubscribe\b", RegexOptions.IgnoreCase)]
    private static partial Regex GenericOptOut();

    [GeneratedRegex(@"\b(?:shop|buy|order|book|reply|call|visit|tap|click|get|claim|redeem|start|try|join|sign up|subscribe|download|learn|discover|see|find|explore|apply|register|use code|save|grab|upgrade|switch|compare|check|reserve|donate|watch|listen|read|follow|share|tag|vote|rsvp|contact|enter|open)\b", RegexOptions.IgnoreCase)]
    private static partial Regex CallToAction();

    public void Run(CheckContext context)
    {
        if (context.Channel is not { } spec) return;
        var fields = context.Content.Fields;
        foreach (var f in spec.Fields)
        {
            var text = fields.FirstOrDefault(kv => string.Equals(kv.Key, f.Name, StringComparison.OrdinalIgnoreCase)).Value;
            if (string.IsNullOrWhiteSpace(text))
            {
                if (f.Required)
                    context.Add(new Finding(MissingRule, CheckCategories.Channel, Severity.Blocker, f.Name, 0, 0, "",
                        $"{spec.DisplayName} needs a {f.Label.ToLowerInvariant()} ({f.Name}) and it is empty.", null));
                continue;
            }
            if (spec.Kind != ChannelKind.Sms && f.MaxLength is { } max && text.Length > max)
                context.Add(new Finding(TooLongRule, CheckCategories.Channel, Severity.Blocker, f.Name, max, text.Length - max, text[max..],
                    $"The {f.Label.ToLowerInvariant()} is {text.Length} characters; {spec.DisplayName} allows {max}.", "shorten it"));
        }
        foreach (var name in fields.Keys)
            if (spec.Field(name) is null)
                context.Add(new Finding(UnknownFieldRule, CheckCategories.Channel, Severity.Info, name, 0, 0, "",
                    $"{spec.DisplayName} has no field \"{name}\"; it will not be published.", null));

        if (spec.Kind == ChannelKind.Sms) Sms(context, spec);
        if (spec.Field("cta") is null && !context.Fields.Any(f => CallToAction().IsMatch(f.Text)))
        {
            var main = context.Fields.FirstOrDefault();
            context.Add(new Finding(CtaRule, CheckCategories.Channel, Severity.Warning, main?.Name ?? "", 0, 0, "",
                $"No call to action: tell the reader what to do next ({spec.DisplayName} has no separate button).", "e.g. \"Shop now\", \"Book today\""));
        }
    }

    private void Sms(CheckContext context, ChannelSpec spec)
    {
        var body = context.Fields.FirstOrDefault(f => f.Name.Equals("body", StringComparison.OrdinalIgnoreCase)) ?? context.Fields.FirstOrDefault();
        if (body is null) return;
        var count = SmsSegmentCounter.Count(body.Text);
        if (spec.MaxSmsSegments is { } most && count.Segments > most)
            context.Add(new Finding(SegmentsRule, CheckCategories.Channel, Severity.Blocker, body.Name, 0, 0, "",
                $"The message takes {count.Segments} SMS segments ({count.Units} {(count.Encoding == SmsEncoding.Gsm7 ? "GSM-7 septets" : "UCS-2 units")}); at most {most} are allowed.",
                "shorten it"));
        if (count.Encoding == SmsEncoding.Ucs2)
        {
            var at = body.Text.AsSpan().IndexOfAnyExcept(GsmChars);
            var len = at >= 0 && char.IsHighSurrogate(body.Text[at]) ? 2 : 1;
            context.Add(new Finding(Ucs2Rule, CheckCategories.Channel, Severity.Info, body.Name, Math.Max(0, at), at >= 0 ? len : 0,
                at >= 0 ? body.Text.Substring(at, len) : "",
                "A character outside GSM-7 switches the whole SMS to UCS-2, which cuts a segment from 160 to 70 characters.",
                "use plain characters"));
        }
        var optOut = brand?.SmsOptOut;
        var hasOptOut = !string.IsNullOrWhiteSpace(optOut)
            ? body.Text.Contains(optOut.Trim().TrimEnd('.'), StringComparison.OrdinalIgnoreCase)
            : GenericOptOut().IsMatch(body.Text);
        if (!hasOptOut)
            context.Add(new Finding(OptOutRule, CheckCategories.Channel, Severity.Blocker, body.Name, body.Text.Length, 0, "",
                "Marketing SMS must tell the reader how to opt out.", optOut ?? "Reply STOP to opt out."));
    }

    private static readonly System.Buffers.SearchValues<char> GsmChars = System.Buffers.SearchValues.Create(
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà^{}\\[~]|€\f");
}
