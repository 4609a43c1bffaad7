namespace ContentStudio.Core.Channels;

/// <summary>The kinds of output the studio writes. Stored as strings.</summary>
public enum ChannelKind
{
    Email,
    Sms,
    Ad,
    Social,
    LandingHero,
    Push,
}
