using ContentStudio.Core.Campaigns;
using ContentStudio.Core.TemplateStudio;

namespace ContentStudio.Web.Components.Pages.TemplateStudio;

/// <summary>One brief the preview can render with; eval cases also name their brand and segment.</summary>
public sealed record PreviewSample(string Key, string Label, CampaignBrief Brief, string? Brand, string? Segment);

/// <summary>The sample briefs for a template's preview: its evaluation set's cases first (the inputs releases are
/// judged on), then the briefs in docs/samples/ next to the prompts folder. A missing or broken file just adds
/// nothing: the evaluation itself reports those problems.</summary>
public static class PreviewSamples
{
    public static IReadOnlyList<PreviewSample> Load(string promptsFolder, string template)
    {
        var samples = new List<PreviewSample>();
        var (set, _) = EvaluationSet.Load(EvaluationSet.PathFor(promptsFolder, template));
        for (var i = 0; i < (set?.Cases.Count ?? 0); i++)
        {
            var c = set!.Cases[i];
            var b = c.Brief!;
            var brief = new CampaignBrief
            {
                Name = $"eval case {i + 1}", BrandSlug = c.Brand, Product = b.Product, Objective = b.Objective,
                KeyMessages = b.KeyMessages, Offer = b.Offer, CallToAction = b.CallToAction,
            };
            samples.Add(new PreviewSample($"case-{i + 1}", $"Eval case {i + 1}: {b.Product} ({c.Brand} / {c.Segment})", brief, c.Brand, c.Segment));
        }
        var docs = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(promptsFolder).TrimEnd(Path.DirectorySeparatorChar)) ?? ".", "docs", "samples");
        if (Directory.Exists(docs))
        {
            foreach (var file in Directory.EnumerateFiles(docs, "*.json").Order(StringComparer.Ordinal))
            {
                CampaignBrief brief;
                try { brief = BriefFile.Load(file); }
                catch (BriefFileException) { continue; }
                if (string.IsNullOrWhiteSpace(brief.Product)) continue;
                var name = Path.GetFileName(file);
                samples.Add(new PreviewSample($"doc-{name}", $"docs/samples/{name}: {brief.Product}", brief, brief.BrandSlug, brief.SegmentKeys.FirstOrDefault()));
            }
        }
        return samples;
    }
}
