using ContentStudio.Core.Checks;
using ContentStudio.Core.Checks.CrossVariant;
using Xunit.Abstractions;

namespace ContentStudio.Core.Tests.Checks.Fairness;

/// <summary>Precision, recall and F1 per finding type of the campaign fairness check on the labelled corpus: the dev
/// part (rules tuned on it) and the frozen test part (written before the rules changed, never tuned on).</summary>
public sealed class FairnessAccuracyTests(ITestOutputHelper output)
{
    internal static IReadOnlyList<FairnessCorpus.Predicted> Predict(CampaignInput c)
    {
        var report = new CampaignCheckRunner().Run(c.Variants, c.Brief);
        return [.. report.Findings.Where(f => f.Finding.Category == CheckCategories.Fairness)
            .Select(f => new FairnessCorpus.Predicted(f.Type, [.. f.VariantIds]))];
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("test")]
    public void PrintsPrecisionRecallAndF1PerType(string part)
    {
        var result = FairnessCorpus.Evaluate(part, FairnessCorpus.Load(part), Predict);
        output.WriteLine(result.Table);
        result.Micro.F1.ShouldBeGreaterThanOrEqualTo(0.0, result.Table);
    }
}
