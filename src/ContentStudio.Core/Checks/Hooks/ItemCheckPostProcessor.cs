using ContentStudio.Core.Generation;
using ContentStudio.Core.Checks.Safety;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Core.Checks.Hooks;

/// <summary>Runs the brand's item checks (judges included when a real model is configured) on each generated variant
/// before it is saved, so no variant is ever stored unchecked. Variants without usable fields (needs attention) are
/// left to a person. What the provider's own safety system flagged joins the report as findings.</summary>
public sealed class ItemCheckPostProcessor(CheckPipelineFactory factory) : IVariantPostProcessor
{
    public async Task ProcessAsync(VariantPostProcessContext context, CancellationToken cancellationToken)
    {
        var variant = context.Variant;
        if (variant.Outcome != VariantOutcome.Ok || context.Request is not { } request) return;
        var content = new VariantContent(variant.Channel, variant.Fields) { Segment = request.Segment, Brief = request.Brief };
        var report = ProviderSafetyFindings.AddTo(await factory.ForBrand(request.Brand).RunAsync(content, cancellationToken), context.ProviderSafety);
        variant.CheckGate = report.Gate;
        variant.CheckScore = report.Score;
        variant.CheckReportJson = StoredReports.Serialize(report);
    }
}
