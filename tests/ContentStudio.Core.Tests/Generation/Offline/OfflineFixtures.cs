using ContentStudio.Core.Brands;
using ContentStudio.Core.Campaigns;
using ContentStudio.Core.Channels;
using ContentStudio.Core.Llm;
using ContentStudio.Core.Generation.Offline;
using ContentStudio.Core.Segments;
using Microsoft.Extensions.AI;
using ContentStudio.Core.Generation;

namespace ContentStudio.Core.Tests.Generation.Offline;

/// <summary>A consumer meal-kit brand and a regulated bank, with segments and briefs, built in code so the
/// composer's tests do not depend on the brand-guide parser.</summary>
internal static class OfflineFixtures
{
    public static Brand FreshFork { get; } = new()
    {
        Slug = "fresh-fork",
        Name = "Fresh Fork",
        Industry = "food",
        VoiceAttributes = ["friendly", "playful", "warm"],
        PreferredTerms = ["seasonal produce", "home cooks", "good food"],
        DeprecatedTerms = [new("customers", "home cooks"), new("cheap", "good value")],
        BannedTerms = [new("guaranteed"), new("diet"), new("miracle")],
        ProductNames = ["FreshFork Box", "Weeknight Kit"],
        Competitors = ["HelloFresh"],
        Disclaimers = new Dictionary<ChannelKind, string>
        {
            [ChannelKind.Email] = "You get this email because you signed up at Fresh Fork.",
            [ChannelKind.Sms] = "Msg & data rates may apply.",
        },
        SmsOptOut = "Reply STOP to opt out.",
        Style = new StylePolicy
        {
            MaxExclamations = 1, EmojiAllowed = true, AllCapsAllowed = false,
            HypeWords = ["amazing", "best", "ultimate", "revolutionary", "incredible", "unbeatable", "perfect"],
        },
    };

    public static Brand Northbank { get; } = new()
    {
        Slug = "northbank",
        Name = "Northbank",
        Industry = "banking",
        Regulated = true,
        VoiceAttributes = ["clear", "calm", "trustworthy"],
        PreferredTerms = ["members", "plain terms", "steady saving"],
        DeprecatedTerms = [new("customers", "members"), new("cheap", "low-cost")],
        BannedTerms = [new("guaranteed"), new("risk-free"), new("free money"), new("get rich")],
        ProductNames = ["Northbank Everyday Saver", "Flex Card"],
        Competitors = ["Chase"],
        Disclaimers = new Dictionary<ChannelKind, string>
        {
            [ChannelKind.Email] = "Northbank is a Member FDIC bank. Terms and conditions apply.",
            [ChannelKind.Sms] = "Terms apply.",
            [ChannelKind.Ad] = "Member FDIC. Terms apply.",
            [ChannelKind.Social] = "Member FDIC. Terms apply.",
            [ChannelKind.LandingHero] = "Rates can change. Member FDIC. Terms apply.",
            [ChannelKind.Push] = "Terms apply.",
        },
        SmsOptOut = "Reply STOP to end.",
        Style = new StylePolicy
        {
            MaxExclamations = 0, EmojiAllowed = false, AllCapsAllowed = false,
            HypeWords = ["amazing", "best", "unbeatable", "incredible", "exclusive", "easy", "effortless"],
        },
    };

    public static IReadOnlyList<Segment> FreshForkSegments { get; } =
    [
        new() { Key = "busy-parents", BrandSlug = "fresh-fork", Name = "Busy parents", LifecycleStage = "prospect",
            Interests = ["family dinners", "quick weeknight meals", "school lunches"],
            PainPoints = ["no time to plan meals", "picky eaters"], ToneAdjustment = "warm, practical" },
        new() { Key = "young-professionals", BrandSlug = "fresh-fork", Name = "Young professionals", LifecycleStage = "new",
            Interests = ["trying new cuisines", "cooking for friends"],
            PainPoints = ["takeaway fatigue", "wasted groceries"], ToneAdjustment = "playful, upbeat" },
        new() { Key = "retirees", BrandSlug = "fresh-fork", Name = "Retirees", LifecycleStage = "lapsed",
            Interests = ["gardening", "cooking from scratch"],
            PainPoints = ["cooking for one", "heavy shopping bags"], ToneAdjustment = "plainer, more reassuring" },
    ];

    public static IReadOnlyList<Segment> NorthbankSegments { get; } =
    [
        new() { Key = "first-jobbers", BrandSlug = "northbank", Name = "First jobbers", LifecycleStage = "prospect",
            Interests = ["saving for a first home", "travel"],
            PainPoints = ["confusing fees", "no savings cushion"], ToneAdjustment = "encouraging, plain" },
        new() { Key = "retirees", BrandSlug = "northbank", Name = "Retirees 65+", LifecycleStage = "loyal",
            Interests = ["a steady income", "time with grandchildren"],
            PainPoints = ["complicated paperwork", "worry about scams"], ToneAdjustment = "plainer, more reassuring" },
        new() { Key = "small-business", BrandSlug = "northbank", Name = "Small business owners", LifecycleStage = "active",
            Interests = ["cash flow", "growing a team"],
            PainPoints = ["slow payments"], ToneAdjustment = "direct, professional" },
    ];

    /// <summary>A brief with no number anywhere in it.</summary>
    public static CampaignBrief FreshForkLaunch { get; } = new()
    {
        Name = "Spring launch", BrandSlug = "fresh-fork", Product = "FreshFork Box", Objective = "acquisition",
        KeyMessages = ["Seasonal ingredients, portioned for each recipe", "Skip or pause a week whenever you like",
            "Recipes written for real weeknights"],
        Offer = "Free delivery on your first box", CallToAction = "Get your first box",
    };

    public static CampaignBrief FreshForkSale { get; } = new()
    {
        Name = "Winter sale", BrandSlug = "fresh-fork", Product = "Weeknight Kit", Objective = "conversion",
        KeyMessages = ["Dinner on the table in 20 minutes", "Pick from 12 recipes every week"],
        Offer = "40% off your first two boxes", CallToAction = "Claim the offer",
        DeadlineUtc = new DateTime(2026, 12, 15, 0, 0, 0, DateTimeKind.Utc),
    };

    /// <summary>No offer, no deadline: urgency has nothing to stand on.</summary>
    public static CampaignBrief NorthbankSaver { get; } = new()
    {
        Name = "Saver awareness", BrandSlug = "northbank", Product = "Northbank Everyday Saver", Objective = "awareness",
        KeyMessages = ["No monthly account fee", "Move money between accounts in the app",
            "Deposits are insured by the FDIC up to the legal limit"],
        CallToAction = "Open an account",
    };

    public static CampaignBrief NorthbankBonus { get; } = new()
    {
        Name = "Switch bonus", BrandSlug = "northbank", Product = "Flex Card", Objective = "acquisition",
        KeyMessages = ["Pay by card or phone", "Freeze and unfreeze your card in the app"],
        Offer = "A $150 bonus when you open an account and set up direct deposit", CallToAction = "Apply now",
        DeadlineUtc = new DateTime(2026, 12, 31, 0, 0, 0, DateTimeKind.Utc),
    };

    public static IEnumerable<(Brand Brand, Segment Segment, CampaignBrief Brief)> Audiences()
    {
        foreach (var s in FreshForkSegments)
        {
            yield return (FreshFork, s, FreshForkLaunch);
            yield return (FreshFork, s, FreshForkSale);
        }
        foreach (var s in NorthbankSegments)
        {
            yield return (Northbank, s, NorthbankSaver);
            yield return (Northbank, s, NorthbankBonus);
        }
    }

    /// <summary>Every audience × channel × variant 0..4, optionally with reviewer feedback.</summary>
    public static IEnumerable<CompositionRequest> Matrix(string? feedback = null, int variants = 5) =>
        from a in Audiences()
        from channel in ChannelCatalog.All
        from v in Enumerable.Range(0, variants)
        select new CompositionRequest(a.Brand, a.Segment, channel, a.Brief, v, Seed: 42, feedback);

    public static CompositionRequest Request(ChannelSpec channel, int variant = 0, string? feedback = null, int seed = 42) =>
        new(FreshFork, FreshForkSegments[0], channel, FreshForkLaunch, variant, seed, feedback);

    public static ChatOptions Options(CompositionRequest request, long? seed = null) => new()
    {
        Seed = seed,
        AdditionalProperties = new AdditionalPropertiesDictionary { [CompositionRequest.PropertyKey] = request },
    };

    public static IReadOnlyDictionary<string, string> Write(CompositionRequest request) => OfflineComposer.Compose(request);

    /// <summary>All the words a reader sees in a variant, fields in order.</summary>
    public static string AllText(IReadOnlyDictionary<string, string> fields) => string.Join("\n", fields.Values);
}
