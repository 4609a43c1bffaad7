using ContentStudio.Core.Brands;
using ContentStudio.Core.Campaigns;
using ContentStudio.Core.Channels;
using ContentStudio.Core.Segments;

namespace ContentStudio.Integration.Tests.Infrastructure;

public static class TestData
{
    public static Brand Lumen { get; } = new() { Slug = "lumen", Name = "Lumen Bank", Industry = "finance" };

    public static IReadOnlyList<Segment> LumenSegments { get; } =
    [
        new() { Key = "young-professionals", BrandSlug = "lumen", Name = "Young professionals", AgeBand = "25-34",
            Interests = ["travel", "investing"], PainPoints = ["fees"], ProtectedAttributes = ["age"],
            Attributes = new Dictionary<string, string> { ["region"] = "urban" }, ToneAdjustment = "brisk" },
        new() { Key = "retirees", BrandSlug = "lumen", Name = "Retirees", AgeBand = "65+", ToneAdjustment = "reassuring" },
        new() { Key = "students", BrandSlug = "lumen", Name = "Students", AgeBand = "18-24", LifecycleStage = "prospect" },
    ];

    public static CampaignBrief Brief(int segments = 2, int variants = 3, params ChannelKind[] channels) => new()
    {
        Name = "Spring savings",
        BrandSlug = "lumen",
        Product = "Lumen Saver account",
        Objective = "Open more savings accounts",
        KeyMessages = ["4% AER on balances up to 10,000"],
        Offer = "No fees for a year",
        CallToAction = "Open an account",
        Channels = channels.Length == 0 ? [ChannelKind.Email, ChannelKind.Sms] : channels,
        SegmentKeys = LumenSegments.Take(segments).Select(s => s.Key).ToList(),
        VariantsPerSegment = variants,
        BusinessImpact = 4,
        DeadlineUtc = new DateTime(2030, 6, 1, 12, 0, 0, DateTimeKind.Utc),
    };

    /// <summary>The folder of sample briefs in the source tree (found from the test's output folder upwards).</summary>
    public static string SamplePath(string fileName)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "ContentStudio.Integration.Tests", "Generation", "Samples", fileName);
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException($"Sample brief {fileName} not found above {AppContext.BaseDirectory}");
    }
}
