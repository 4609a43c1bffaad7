using ContentStudio.Core.Checks;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Core.Campaigns.Export;

/// <summary>One variant as `studio variants export` writes it: where it sits (run, segment, channel), its fields, what
/// the checks said (gate, score, item and campaign findings) and how it was made (provenance). Everything a marketer
/// needs to read copy in a spreadsheet, and everything a measurement needs to score it.</summary>
public sealed record VariantExportRow(
    Guid CampaignId, string Campaign, string Brand, Guid RunId, Guid VariantId, string Segment, string Channel, int VariantIndex,
    DateTime CreatedUtc, string Outcome, string? Problem, string ReviewState, string? Gate, int? Score,
    IReadOnlyDictionary<string, string> Fields, IReadOnlyList<ExportedFinding> Findings, IReadOnlyList<ExportedFinding> CampaignFindings,
    VariantProvenance Provenance);

/// <summary>A finding reduced to what a reader needs: the rule, how much it matters, where and what it says.</summary>
public sealed record ExportedFinding(string Rule, string Severity, string Field, string Text, string Message, string? Suggestion)
{
    public static ExportedFinding Of(Finding f) =>
        new(f.RuleId, f.Severity.ToString(), f.Field, f.Text, f.Message, f.Suggestion);
}
