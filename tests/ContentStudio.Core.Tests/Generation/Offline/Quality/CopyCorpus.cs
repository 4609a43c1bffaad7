using ContentStudio.Core.Brands;
using ContentStudio.Core.Campaigns;
using ContentStudio.Core.Channels;
using ContentStudio.Core.Generation;
using ContentStudio.Core.Segments;
using ContentStudio.Core.Tests.Brands;

namespace ContentStudio.Core.Tests.Generation.Offline.Quality;

/// <summary>One brief with its brand and the English segments it is written for.</summary>
public sealed record CorpusBrief(string Name, Brand Brand, CampaignBrief Brief, IReadOnlyList<Segment> Segments);

/// <summary>The fixed set of briefs the copy-quality metrics are computed over: the two sample briefs in docs/samples
/// (written for every English segment of their brand, not only the ones the sample lists), a third Lumen brief with a
/// deadline, and two briefs written here for industries the samples do not cover (outdoor retail, mobile plans).</summary>
public static class CopyCorpus
{
    public const int VariantsPerGroup = 5;

    private static readonly Lazy<IReadOnlyList<CorpusBrief>> Loaded = new(Load);

    public static IReadOnlyList<CorpusBrief> Briefs => Loaded.Value;

    /// <summary>Every brief × English segment × channel × variant 0..4.</summary>
    public static IEnumerable<(CorpusBrief Brief, CompositionRequest Request)> Requests() =>
        from b in Briefs
        from s in b.Segments
        from c in ChannelCatalog.All
        from v in Enumerable.Range(0, VariantsPerGroup)
        select (b, new CompositionRequest(b.Brand, s, c, b.Brief, v, Seed: 7));

    private static List<CorpusBrief> Load()
    {
        var samples = RepoPathsFolder("docs/samples");
        var segments = SegmentCatalogFiles.LoadSamples(SampleContent.BrandGuidesFolder).Segments;
        Brand Guide(string slug)
        {
            var path = SampleContent.GuidePath(slug);
            return BrandGuideParser.Parse(path, File.ReadAllText(path)).Brand!;
        }
        List<Segment> English(string slug) =>
            [.. segments.Where(s => s.BrandSlug == slug && s.Locale.StartsWith("en", StringComparison.OrdinalIgnoreCase))];

        var lumen = Guide("lumen-coffee");
        var harbor = Guide("harbor-bank");
        var lumenBrief = BriefFile.Load(Path.Combine(samples, "brief-lumen.json"));
        var harborBrief = BriefFile.Load(Path.Combine(samples, "brief-harbor.json"));
        var coldCraft = new CampaignBrief
        {
            Name = "ColdCraft summer", BrandSlug = "lumen-coffee", Product = "ColdCraft", Objective = "Launch ColdCraft to members",
            KeyMessages = ["Smooth cold brew concentrate", "Mix one part ColdCraft with two parts water or milk", "Free shipping on every Roast Club delivery"],
            Offer = "Free bottle with your next Roast Club delivery", CallToAction = "Add ColdCraft",
            DeadlineUtc = new DateTime(2027, 7, 31, 0, 0, 0, DateTimeKind.Utc),
        };
        return
        [
            new("lumen / Roast Club (docs/samples)", lumen, lumenBrief, English("lumen-coffee")),
            new("harbor / High-Yield Savings (docs/samples)", harbor, harborBrief, English("harbor-bank")),
            new("lumen / ColdCraft", lumen, coldCraft, English("lumen-coffee")),
            new("trailhead / Rain Shell (outdoor retail)", Trailhead, TrailheadBrief, TrailheadSegments),
            new("pulse / Unlimited (mobile plans)", Pulse, PulseBrief, PulseSegments),
        ];
    }

    private static string RepoPathsFolder(string relative) =>
        Path.Combine(Path.GetDirectoryName(SampleContent.BrandGuidesFolder)!, relative);

    public static Brand Trailhead { get; } = new()
    {
        Slug = "trailhead", Name = "Trailhead Outfitters", Industry = "outdoor retail",
        VoiceAttributes = ["practical", "friendly", "outdoorsy"],
        PreferredTerms = ["trail-tested", "gear"],
        DeprecatedTerms = [new("waterproof guarantee", "seam-sealed")],
        BannedTerms = [new("indestructible"), new("best jacket")],
        ProductNames = ["Trailhead Rain Shell", "Trailhead Membership"],
        Competitors = ["Patagonia", "REI"],
        Disclaimers = new Dictionary<ChannelKind, string> { [ChannelKind.Email] = "You receive this email because you joined the Trailhead list." },
        SmsOptOut = "Reply STOP to opt out.",
        Style = new StylePolicy { MaxExclamations = 1, EmojiAllowed = true, HypeWords = ["epic", "insane", "ultimate"] },
    };

    public static CampaignBrief TrailheadBrief { get; } = new()
    {
        Name = "Rain shell autumn", BrandSlug = "trailhead", Product = "Trailhead Rain Shell", Objective = "Sell the new rain shell before the wet season",
        KeyMessages = ["Seam-sealed for all-day rain", "Packs into its own chest pocket", "Free repairs for the life of the jacket"],
        Offer = "Free shipping on orders over $75", CallToAction = "Shop the rain shell",
    };

    public static IReadOnlyList<Segment> TrailheadSegments { get; } =
    [
        new() { Key = "day-hikers", BrandSlug = "trailhead", Name = "Day hikers", LifecycleStage = "active",
            Interests = ["weekend hikes", "trail running", "wildflower meadows"], PainPoints = ["soggy layers", "heavy packs"],
            ToneAdjustment = "Friendly and practical." },
        new() { Key = "bike-commuters", BrandSlug = "trailhead", Name = "Bike commuters", LifecycleStage = "prospect",
            Interests = ["bike commuting", "city rides"], PainPoints = ["arriving at work soaked", "bulky gear"],
            ToneAdjustment = "Quick and direct." },
        new() { Key = "camping-families", BrandSlug = "trailhead", Name = "Camping families", LifecycleStage = "new",
            Interests = ["family camping", "lakeside weekends"], PainPoints = ["wet school runs", "kids outgrowing gear"],
            ToneAdjustment = "Warm and reassuring." },
        new() { Key = "ultralight", BrandSlug = "trailhead", Name = "Ultralight hikers", LifecycleStage = "lapsed",
            Interests = ["ultralight packing", "thru-hikes"], PainPoints = ["pack weight adds up", "gear that fails in storms"],
            ToneAdjustment = "A little more technical; plain words." },
    ];

    public static Brand Pulse { get; } = new()
    {
        Slug = "pulse", Name = "Pulse Mobile", Industry = "telecom",
        VoiceAttributes = ["clear", "straightforward", "helpful"],
        PreferredTerms = ["plan", "coverage"],
        DeprecatedTerms = [new("customers", "members")],
        BannedTerms = [new("unlimited everything"), new("no catch")],
        ProductNames = ["Pulse Unlimited Plan", "Pulse App"],
        Competitors = ["Verizon", "T-Mobile"],
        Disclaimers = new Dictionary<ChannelKind, string>
        {
            [ChannelKind.Email] = "Unlimited plan subject to fair use. Taxes and fees extra.",
            [ChannelKind.Ad] = "Taxes and fees extra.",
            [ChannelKind.LandingHero] = "Subject to fair use. Taxes and fees extra.",
        },
        SmsOptOut = "Text STOP to opt out.",
        Style = new StylePolicy { MaxExclamations = 0, EmojiAllowed = false, HypeWords = ["blazing", "unbeatable"] },
    };

    public static CampaignBrief PulseBrief { get; } = new()
    {
        Name = "Switch winter", BrandSlug = "pulse", Product = "Pulse Unlimited Plan", Objective = "Win switchers before the new year",
        KeyMessages = ["Unlimited talk and text", "Keep your number when you switch", "No annual contract"],
        CallToAction = "Switch to Pulse",
        DeadlineUtc = new DateTime(2027, 1, 31, 0, 0, 0, DateTimeKind.Utc),
    };

    public static IReadOnlyList<Segment> PulseSegments { get; } =
    [
        new() { Key = "gamers", BrandSlug = "pulse", Name = "Mobile gamers", LifecycleStage = "prospect",
            Interests = ["mobile gaming", "live streams"], PainPoints = ["data caps", "surprise overage charges"], ToneAdjustment = "Direct." },
        new() { Key = "families", BrandSlug = "pulse", Name = "Families", LifecycleStage = "prospect",
            Interests = ["group chats", "school pickups"], PainPoints = ["bill shock", "juggling several contracts"], ToneAdjustment = "Warm and clear." },
        new() { Key = "travellers", BrandSlug = "pulse", Name = "Frequent travellers", LifecycleStage = "active",
            Interests = ["weekend trips", "travel photography"], PainPoints = ["roaming charges", "hunting for wifi"], ToneAdjustment = "Efficient." },
        new() { Key = "freelancers", BrandSlug = "pulse", Name = "Freelancers", LifecycleStage = "loyal",
            Interests = ["client calls", "working from cafés"], PainPoints = ["dropped calls", "contract lock-in"], ToneAdjustment = "Professional." },
    ];
}
