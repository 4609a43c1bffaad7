using ContentStudio.Core.Brands;
using ContentStudio.Core.Campaigns;
using ContentStudio.Core.Channels;
using ContentStudio.Core.Checks;
using ContentStudio.Core.Data;
using ContentStudio.Core.Generation;
using ContentStudio.Core.Identity;
using ContentStudio.Core.Llm;
using ContentStudio.Core.Segments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using ContentStudio.Core.Kernel;
using ContentStudio.Core.Prompts;

namespace ContentStudio.Core.TemplateStudio;

/// <summary>What an evaluation found: the stored row, both versions, the metrics and the regressions against the
/// released version under the configured thresholds.</summary>
public sealed record TemplateEvaluationReport(PromptEvaluation Evaluation, PromptTemplateVersion Candidate,
    PromptTemplateVersion? Baseline, EvaluationResult Result, IReadOnlyList<Regression> Regressions)
{
    /// <summary>The candidate is another version than the released one and wrote byte for byte what it wrote on the
    /// whole set: the change had no effect the evaluation can see (say so; do not call it "no regression"). Set by the
    /// evaluator from the cases it holds (<see cref="PromptEvaluation.Cases"/> would parse the stored JSON on each read).</summary>
    public bool SameOutputAsReleased { get; init; }

    /// <summary>The verdict in words, the same for the page and the command line.</summary>
    public string Verdict => Regressions.Count > 0
        ? $"{Regressions.Count} regression(s) against the released version."
        : SameOutputAsReleased
            ? $"v{Candidate.Number} wrote exactly the same copy as the released v{Baseline!.Number} on every case of the evaluation set: " +
              "this evaluation cannot show what the change does (the model or composer ignores it). Nothing regressed, but nothing was measured either."
            : "No regression: this version may be released.";
}

/// <summary>Runs a template's evaluation set (prompts/evals/&lt;name&gt;.eval.json) with a candidate version and with
/// the released one, through the same generator, model pipeline and item checks as real generation, and stores
/// the metrics as a <see cref="PromptEvaluation"/>. Both versions run now, with the same seeds, so model drift
/// since the last release does not masquerade as a regression.</summary>
public sealed class TemplateEvaluator(
    IDbContextFactory<StudioDbContext> dbFactory,
    ReleasedPromptCatalog released,
    PromptCatalog files,
    IBrandCatalog brands,
    SegmentStore segments,
    IPromptRenderer renderer,
    IChatClient chatClient,
    ILlmDescriptor descriptor,
    CheckPipelineFactory checks,
    IOptions<TemplateGateOptions> gate,
    TimeProvider clock)
{
    private sealed record Case(int Index, Brand Brand, Segment Segment, CampaignBrief Brief);

    /// <summary>Model calls in flight at once during an evaluation (the pipeline's own limit still applies).</summary>
    public int MaxParallelism { get; init; } = 4;

    /// <summary>Runs the evaluation and stores it. Needs a PromptEngineer or an Admin (the stored evaluation is what lets
    /// a version through the release gate); refused with <see cref="AccessDeniedException"/> before any model call.</summary>
    public async Task<TemplateEvaluationReport> EvaluateAsync(Guid versionId, StudioUser user, CancellationToken ct = default)
    {
        Access.Demand(user, StudioPermission.EvaluateTemplates);
        PromptTemplateVersion candidate;
        PromptTemplateVersion? baseline;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            candidate = await db.PromptTemplateVersions.AsNoTracking().FirstOrDefaultAsync(v => v.Id == versionId, ct)
                ?? throw new TemplateStudioException($"version {versionId} does not exist");
            var release = await db.PromptTemplateReleases.AsNoTracking().FirstOrDefaultAsync(r => r.TemplateName == candidate.TemplateName, ct);
            baseline = release is null ? null : await db.PromptTemplateVersions.AsNoTracking().FirstAsync(v => v.Id == release.VersionId, ct);
        }
        var candidateTemplate = Template(candidate);
        var baselineTemplate = baseline is null ? null : Template(baseline);
        var cases = await LoadCasesAsync(candidate.TemplateName, candidateTemplate.Channel, ct);

        var row = new PromptEvaluation
        {
            Id = Guid.NewGuid(), TemplateName = candidate.TemplateName, VersionId = candidate.Id, BaselineVersionId = baseline?.Id,
            StartedUtc = clock.GetUtcNow().UtcDateTime, Status = EvaluationStatus.Running,
        };
        await SaveAsync(row, added: true, CancellationToken.None);
        try
        {
            var candidateCases = await RunAsync(candidateTemplate, cases, ct);
            var baselineCases = baseline is null ? [] : baseline.Id == candidate.Id ? candidateCases : await RunAsync(baselineTemplate!, cases, ct);
            var result = new EvaluationResult(EvaluationMetricsCalculator.Compute(candidateCases),
                baseline is null ? null : EvaluationMetricsCalculator.Compute(baselineCases));
            row.Metrics = result;
            var evaluated = new EvaluationCases(candidateCases, baselineCases);
            row.Cases = evaluated;
            row.Status = EvaluationStatus.Finished;
            row.FinishedUtc = clock.GetUtcNow().UtcDateTime;
            await SaveAsync(row, added: false, CancellationToken.None);
            return new TemplateEvaluationReport(row, candidate, baseline, result,
                EvaluationComparer.Compare(result.Candidate, result.Baseline, gate.Value))
            {
                SameOutputAsReleased = baseline is not null && baseline.Id != candidate.Id && evaluated.SameOutput,
            };
        }
        catch (Exception e)
        {
            row.Status = EvaluationStatus.Failed;
            row.Error = e is OperationCanceledException ? "cancelled" : e.Message;
            row.FinishedUtc = clock.GetUtcNow().UtcDateTime;
            await SaveAsync(row, added: false, CancellationToken.None);
            throw;
        }
    }

    private PromptTemplate Template(PromptTemplateVersion version) =>
        released.Parse(version) is { Template: { } t } ? t
            : throw new TemplateStudioException($"version {version.Number} of {version.TemplateName} does not parse: " +
                string.Join("; ", released.Parse(version).Errors.Where(e => !e.IsWarning)));

    private async Task<IReadOnlyList<Case>> LoadCasesAsync(string template, ChannelKind channel, CancellationToken ct)
    {
        var (set, errors) = EvaluationSet.Load(EvaluationSet.PathFor(files.Folder, template));
        if (set is null) throw new TemplateStudioException(string.Join("\n", errors));
        var samples = new Lazy<IReadOnlyList<Segment>>(() => SegmentCatalogFiles.LoadSamples(brands.Folder).Segments);
        var cases = new List<Case>();
        var problems = new List<string>();
        for (var i = 0; i < set.Cases.Count; i++)
        {
            var c = set.Cases[i];
            var brand = brands.Find(c.Brand);
            if (brand is null) { problems.Add($"{set.Path}: case {i + 1}: brand '{c.Brand}' is not in the brand catalog (known: {string.Join(", ", brands.Brands.Select(b => b.Slug))})"); continue; }
            var segment = await segments.GetAsync(brand.Slug, c.Segment, ct)
                ?? samples.Value.FirstOrDefault(s => s.BrandSlug == brand.Slug && s.Key == c.Segment);
            if (segment is null) { problems.Add($"{set.Path}: case {i + 1}: brand '{brand.Slug}' has no segment '{c.Segment}'"); continue; }
            var b = c.Brief!;
            cases.Add(new Case(i, brand, segment, new CampaignBrief
            {
                Name = $"evaluation of {template}", BrandSlug = brand.Slug, Product = b.Product, Objective = b.Objective,
                KeyMessages = b.KeyMessages, Offer = b.Offer, CallToAction = b.CallToAction, Channels = [channel],
                SegmentKeys = [segment.Key], VariantsPerSegment = gate.Value.VariantsPerCase,
            }));
        }
        if (problems.Count > 0) throw new TemplateStudioException(string.Join("\n", problems));
        return cases;
    }

    private async Task<IReadOnlyList<EvaluatedCase>> RunAsync(PromptTemplate template, IReadOnlyList<Case> cases, CancellationToken ct)
    {
        var channel = ChannelCatalog.Get(template.Channel);
        var generator = new VariantGenerator(new SingleTemplateCatalog(template), renderer, chatClient, descriptor, time: clock);
        var n = gate.Value.VariantsPerCase;
        var results = new EvaluatedVariant[cases.Count, n];
        var jobs = cases.SelectMany((c, i) => Enumerable.Range(0, n).Select(v => (Position: i, Case: c, Variant: v)));
        await Parallel.ForEachAsync(jobs, new ParallelOptions { MaxDegreeOfParallelism = MaxParallelism, CancellationToken = ct }, async (job, token) =>
        {
            var (position, c, v) = job;
            // Fixed seeds: candidate and baseline see the same requests, and a re-run the same ones again.
            var request = new CompositionRequest(c.Brand, c.Segment, channel, c.Brief, v, Seed: 7919 * (c.Index + 1) + v);
            var generated = await generator.GenerateAsync(request, token);
            var report = generated.Outcome == VariantOutcome.Ok
                ? await checks.ForBrand(c.Brand).RunAsync(new Checks.VariantContent(channel.Kind, generated.Fields) { Segment = c.Segment, Brief = c.Brief }, token)
                : null;
            results[position, v] = EvaluationMetricsCalculator.Variant(v, channel,
                generated.Outcome == VariantOutcome.Ok ? generated.Fields : null, report, generated.Problem);
        });
        return cases.Select((c, i) => new EvaluatedCase(c.Index + 1, c.Brand.Slug, c.Segment.Key,
            Enumerable.Range(0, n).Select(v => results[i, v]).ToList())).ToList();
    }

    private async Task SaveAsync(PromptEvaluation row, bool added, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (added) db.PromptEvaluations.Add(row); else db.PromptEvaluations.Update(row);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A catalog of one template: lets the real generator write with a version that is not released.</summary>
    private sealed class SingleTemplateCatalog(PromptTemplate template) : IPromptCatalog
    {
        public IReadOnlyList<PromptTemplate> Templates { get; } = [template];
        public IReadOnlyList<SourceError> Errors => [];
        public PromptTemplate? ForChannel(ChannelKind channel) => channel == template.Channel ? template : null;
    }
}
