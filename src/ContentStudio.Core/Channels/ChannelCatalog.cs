namespace ContentStudio.Core.Channels;

/// <summary>The channel schemas. Field names are what templates declare as output fields and what the
/// model returns as JSON keys.</summary>
public static class ChannelCatalog
{
    public static ChannelSpec Email { get; } = new(ChannelKind.Email, "email", "Email", [
        new("subject", "Subject line", 60, true, "what makes the reader open"),
        new("preheader", "Preheader", 100, true, "the line shown after the subject in the inbox"),
        new("body", "Body", 1200, true, "the message, short paragraphs"),
        new("cta", "Call to action", 30, true, "the button label"),
    ]);

    public static ChannelSpec Sms { get; } = new(ChannelKind.Sms, "sms", "SMS", [
        new("body", "Message", 306, true, "the whole text message, opt-out text included"),
    ]) { MaxSmsSegments = 2 };

    public static ChannelSpec Ad { get; } = new(ChannelKind.Ad, "ad", "Search / display ad", [
        new("headline", "Headline", 30, true, "the first thing read"),
        new("description", "Description", 90, true, "one or two sentences under the headline"),
    ]);

    public static ChannelSpec Social { get; } = new(ChannelKind.Social, "social", "Social post", [
        new("post", "Post", 280, true, "the post text"),
        new("hashtags", "Hashtags", 60, false, "up to three hashtags, space separated"),
    ]);

    public static ChannelSpec LandingHero { get; } = new(ChannelKind.LandingHero, "landing-hero", "Landing-page hero", [
        new("headline", "Headline", 70, true, "the hero headline"),
        new("subheadline", "Subheadline", 160, true, "the line under the headline"),
        new("cta", "Call to action", 30, true, "the button label"),
    ]);

    public static ChannelSpec Push { get; } = new(ChannelKind.Push, "push", "Push notification", [
        new("title", "Title", 40, true, "the bold first line"),
        new("body", "Body", 120, true, "the notification text"),
    ]);

    public static IReadOnlyList<ChannelSpec> All { get; } = [Email, Sms, Ad, Social, LandingHero, Push];

    public static ChannelSpec Get(ChannelKind kind) => All.First(c => c.Kind == kind);

    /// <summary>Finds a channel by key ("email", "landing-hero") or enum name, ignoring case.</summary>
    public static bool TryParse(string? text, out ChannelSpec spec)
    {
        spec = All.FirstOrDefault(c =>
            string.Equals(c.Key, text?.Trim(), StringComparison.OrdinalIgnoreCase) ||
            string.Equals(c.Kind.ToString(), text?.Trim(), StringComparison.OrdinalIgnoreCase))!;
        return spec is not null;
    }
}
