using ContentStudio.Core.Channels;

namespace ContentStudio.Benchmarks.WallClock;

/// <summary>What a benchmark generates: 10 segments × 5 channels × N variants. A brief allows at most 10 variants
/// per segment (BriefValidator.MaxVariants), so 20 variants are two campaigns of 10, started together and worked by
/// one engine, as two marketers' runs would be.</summary>
internal sealed record BenchLayout(IReadOnlyList<int> VariantsPerCampaign)
{
    public const int SegmentCount = 10;
    public static readonly IReadOnlyList<ChannelKind> Channels =
        [ChannelKind.Email, ChannelKind.Sms, ChannelKind.Ad, ChannelKind.Social, ChannelKind.Push];
    public const int VariantsPerVariantIndex = SegmentCount * 5;
    const int MaxVariantsPerBrief = 10;

    public int TotalVariants => VariantsPerCampaign.Sum() * VariantsPerVariantIndex;
    public int VariantsPerSegmentAndChannel => VariantsPerCampaign.Sum();

    public static BenchLayout For(int totalVariants)
    {
        var perSlot = totalVariants / VariantsPerVariantIndex;
        var campaigns = new List<int>();
        for (var left = perSlot; left > 0; left -= MaxVariantsPerBrief) campaigns.Add(Math.Min(left, MaxVariantsPerBrief));
        return new BenchLayout(campaigns);
    }

    public string Describe() =>
        $"{SegmentCount} segments × {Channels.Count} channels × {VariantsPerSegmentAndChannel} variants = {TotalVariants} " +
        $"({VariantsPerCampaign.Count} campaign{(VariantsPerCampaign.Count == 1 ? "" : "s")} of {string.Join(" + ", VariantsPerCampaign.Select(v => v * VariantsPerVariantIndex))})";
}
