using ContentStudio.Core.Checks.Judges;
using ContentStudio.Core.Generation;

namespace ContentStudio.Core.Checks.Hooks;

/// <summary>Runs the brand's item checks on each generated variant, inside the transaction that saves it, so no
/// variant is ever stored unchecked. Variants without usable fields (needs attention) are left to a person.</summary>
public sealed class ItemCheckPostProcessor(CheckPipelineFactory factory) : IVariantPostProcessor
{
    public Task ProcessAsync(VariantPostProcessContext context, CancellationToken cancellationToken)
    {
        var variant = context.Variant;
        if (variant.Outcome != VariantOutcome.Ok || context.Request is null) return Task.CompletedTask;
        var report = factory.ForBrand(context.Request.Brand).Run(new VariantContent(variant.Channel, variant.Fields));
        if (JudgingVariantGenerator.OutcomeFor(context.Request) is { } judged) report = report.WithJudges(judged);
        variant.CheckGate = report.Gate;
        variant.CheckScore = report.Score;
        variant.CheckReportJson = StoredReports.Serialize(report);
        return Task.CompletedTask;
    }
}
