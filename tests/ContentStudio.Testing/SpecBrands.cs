using ContentStudio.Core.Brands;
using ContentStudio.Core.Channels;

namespace ContentStudio.Testing;

/// <summary>Brands built in code for the check specs (a spec names one with `brand: acme`).</summary>
public static class SpecBrands
{
    public static Brand Acme { get; } = new()
    {
        Slug = "acme",
        Name = "Acme Bank",
        Industry = "finance",
        Regulated = true,
        ContentHash = "a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90",
        PreferredTerms = ["simple", "clear"],
        BannedTerms = [new("cheap", null, "it sounds low-quality"), new("free money", "no-fee", "regulators object")],
        DeprecatedTerms = [new("e-mail", "email"), new("login", "sign in")],
        ProductNames = ["AcmePay", "Acme Saver"],
        Competitors = ["Globex", "Initech Bank"],
        Claims =
        [
            new("The Acme Saver was the best-rated easy-access account of 2025", "Moneyfacts awards 2025"),
            new("97% of customers would recommend us", "2025 survey of 1,204 customers"),
        ],
        Disclaimers = new Dictionary<ChannelKind, string> { [ChannelKind.Email] = "Terms apply. Acme Bank plc is authorised by the PRA." },
        SmsOptOut = "Reply STOP to opt out",
        ReadingLevel = new(6, 9),
        Style = new StylePolicy { MaxExclamations = 1, EmojiAllowed = false, AllCapsAllowed = false, HypeWords = ["amazing", "revolutionary", "game-changing"] },
    };

    public static Brand? Find(string name) => name switch
    {
        "none" or "" => null,
        "acme" => Acme,
        _ => throw new ArgumentException($"unknown spec brand '{name}' (use none or acme)"),
    };
}
