using Microsoft.Extensions.DependencyInjection;
using ContentStudio.Core.Channels;
using ContentStudio.Core.Generation;
using ContentStudio.Core.Prompts;
using ContentStudio.Core.TemplateStudio;
using ContentStudio.Integration.Tests.Infrastructure;

namespace ContentStudio.Integration.Tests.TemplateStudio;

/// <summary>Evaluation, the release gate, overrides, rollback and the released catalog (SQLite).</summary>
public sealed class TemplateReleaseGateTests : IAsyncLifetime
{
    private TemplateStudioHarness _studio = null!;

    public async Task InitializeAsync()
    {
        var (p, cs, cleanup) = TestDatabases.Sqlite();
        _studio = await TemplateStudioHarness.StartAsync(p, cs, cleanup);
    }

    public async Task DisposeAsync() => await _studio.DisposeAsync();

    [Fact]
    public async Task ReleaseWithoutAnEvaluationIsRefusedWithTheCommandToRun()
    {
        var v2 = await _studio.SaveAsync(_studio.EmailWith("Be brief."));
        var e = await Should.ThrowAsync<TemplateStudioException>(() => _studio.Store.ReleaseAsync(v2.Id, TemplateStudioHarness.As("lead")));
        e.Message.ShouldStartWith("version 2 of email has no finished evaluation: run `studio prompts eval --template email --candidate 2`");
    }

    [Fact]
    public async Task GateRefusesAVersionWhoseCopyTheChecksBlock()
    {
        var shouting = await _studio.SaveAsync(_studio.EmailWith($"{MarkerChatClient.Marker} the offer."));
        var report = await _studio.Evaluator.EvaluateAsync(shouting.Id, TemplateStudioHarness.As("engineer@example.com"));
        report.Result.Baseline!.GuardrailPassRate.ShouldBe(100);
        report.Result.Candidate.GuardrailPassRate.ShouldBe(0);
        report.Regressions.Select(r => r.Metric).ShouldContain("guardrail pass rate");
        report.Regressions.Select(r => r.Metric).ShouldContain("blockers");
        report.SameOutputAsReleased.ShouldBeFalse();
        report.Verdict.ShouldStartWith($"{report.Regressions.Count} regression(s) against the released version");

        var e = await Should.ThrowAsync<TemplateStudioException>(() => _studio.Store.ReleaseAsync(shouting.Id, TemplateStudioHarness.As("lead")));
        e.Message.ShouldContain("version 2 of email regresses against version 1: guardrail pass rate 100% → 0% (allowed drop 2 points)");
        e.Regressions.ShouldNotBeEmpty();
        (await _studio.Store.HistoryAsync("email"))!.Versions.Single(v => v.Number == 1).Id
            .ShouldBe((await _studio.Store.HistoryAsync("email"))!.ReleasedVersionId!.Value);
    }

    [Fact]
    public async Task GateReleasesAnEvaluatedVersionWithoutRegressionAndGenerationUsesIt()
    {
        var better = await _studio.SaveAsync(_studio.EmailWith("Keep every sentence short."));
        var report = await _studio.Evaluator.EvaluateAsync(better.Id, TemplateStudioHarness.As("engineer@example.com"));
        report.Regressions.ShouldBeEmpty();
        // The stand-in model ignores this instruction, so both versions wrote the same copy: the verdict must say the
        // evaluation saw no effect rather than "may be released" (the gate still lets it through: nothing regressed).
        report.SameOutputAsReleased.ShouldBeTrue();
        report.Verdict.ShouldContain("wrote exactly the same copy as the released v1 on every case");
        report.Verdict.ShouldNotContain("may be released");
        // 2 cases × 2 variants, for the candidate and for the released version; with a real model configured the two
        // LLM judges check each of those 8 variants too (they are ordinary checks in the one pipeline).
        _studio.Model.Calls.ShouldBe(8 + 8 * 2);

        var release = await _studio.Store.ReleaseAsync(better.Id, TemplateStudioHarness.As("lead"));
        (release.VersionId, release.EvaluationId, release.Justification).ShouldBe((better.Id, report.Evaluation.Id, null));
        (await _studio.Store.HistoryAsync("email"))!.Releases.First().Kind.ShouldBe(ReleaseKind.Release);

        _studio.Released.ForChannel(ChannelKind.Email)!.Version.ShouldBe(better.Version);
        var generator = new VariantGenerator(_studio.Released, _studio.Services.GetRequiredService<IPromptRenderer>(), _studio.Model,
            new Core.Llm.LlmDescriptor("Fake", "marker"));
        var brand = _studio.Services.GetRequiredService<Core.Brands.IBrandCatalog>().Find("lumen-coffee")!;
        var segment = Core.Segments.SegmentCatalogFiles.LoadSamples(TemplateStudioHarness.RepoFolder("brand-guides")).Segments.First(s => s.BrandSlug == brand.Slug);
        var variant = await generator.GenerateAsync(new Core.Generation.CompositionRequest(brand, segment, ChannelCatalog.Get(ChannelKind.Email),
            new Core.Campaigns.CampaignBrief { BrandSlug = brand.Slug, Product = "Lumen Roast Club", Channels = [ChannelKind.Email] }, 0, 1), default);
        (variant.Provenance.TemplateName, variant.Provenance.TemplateVersion).ShouldBe(("email", better.Version));
    }

    [Fact]
    public async Task AnEvaluationAgainstAnOlderReleaseNoLongerOpensTheGate()
    {
        var a = await _studio.SaveAsync(_studio.EmailWith("Keep every sentence short."));
        var b = await _studio.SaveAsync(_studio.EmailWith("Lead with the reader."));
        await _studio.Evaluator.EvaluateAsync(a.Id, TemplateStudioHarness.As("engineer@example.com"));
        await _studio.Store.ReleaseAsync(b.Id, TemplateStudioHarness.As("lead"), "Brand team signed this wording off in review.");
        var e = await Should.ThrowAsync<TemplateStudioException>(() => _studio.Store.ReleaseAsync(a.Id, TemplateStudioHarness.As("lead")));
        e.Message.ShouldContain("was evaluated against another version than the one released now");
    }

    [Fact]
    public async Task OverrideWithAJustificationIsRecordedAndAShortOneIsRefused()
    {
        var shouting = await _studio.SaveAsync(_studio.EmailWith($"{MarkerChatClient.Marker} the offer."));
        await _studio.Evaluator.EvaluateAsync(shouting.Id, TemplateStudioHarness.As("engineer@example.com"));
        var tooShort = await Should.ThrowAsync<TemplateStudioException>(() => _studio.Store.ReleaseAsync(shouting.Id, TemplateStudioHarness.As("lead"), "  because  "));
        tooShort.Message.ShouldContain("at least 20 characters (this one has 7)");

        const string why = "Launch-day test of the loud variant, agreed with legal.";
        var release = await _studio.Store.ReleaseAsync(shouting.Id, TemplateStudioHarness.As("lead@example.com"), why);
        release.Justification.ShouldBe(why);
        release.EvaluationId.ShouldNotBeNull();
        var last = (await _studio.Store.HistoryAsync("email"))!.Releases.First();
        (last.Kind, last.User, last.Justification, last.VersionId).ShouldBe((ReleaseKind.Override, "lead@example.com", why, shouting.Id));
    }

    [Fact]
    public async Task RollbackPutsBackAPreviouslyReleasedVersionAndIsRecorded()
    {
        var v1 = (await _studio.Store.FindAsync("email", "1"))!;
        var v2 = await _studio.SaveAsync(_studio.EmailWith("Keep every sentence short."));
        var v3 = await _studio.SaveAsync(_studio.EmailWith("Never released."));
        await _studio.Store.ReleaseAsync(v2.Id, TemplateStudioHarness.As("lead"), "Released for the rollback test, skip evaluation.");
        _studio.Released.ForChannel(ChannelKind.Email)!.Version.ShouldBe(v2.Version);

        var never = await Should.ThrowAsync<TemplateStudioException>(() => _studio.Store.RollbackAsync("email", v3.Id, TemplateStudioHarness.As("lead"), "v3 reads badly"));
        never.Message.ShouldContain("version 3 of email was never released");

        var blank = await Should.ThrowAsync<TemplateStudioException>(() => _studio.Store.RollbackAsync("email", v1.Id, TemplateStudioHarness.As("lead"), "  "));
        blank.Message.ShouldContain("a rollback needs a reason");
        var tooLong = await Should.ThrowAsync<TemplateStudioException>(() =>
            _studio.Store.RollbackAsync("email", v1.Id, TemplateStudioHarness.As("lead"), new string('x', TemplateStore.MaxRollbackReasonLength + 1)));
        tooLong.Message.ShouldContain($"the limit is {TemplateStore.MaxRollbackReasonLength}");
        _studio.Released.ForChannel(ChannelKind.Email)!.Version.ShouldBe(v2.Version);

        await _studio.Store.RollbackAsync("email", v1.Id, TemplateStudioHarness.As("oncall@example.com"), " v2 invents discounts ");
        var history = (await _studio.Store.HistoryAsync("email"))!;
        history.ReleasedVersionId.ShouldBe(v1.Id);
        (history.Releases.First().Kind, history.Releases.First().User, history.Releases.First().Justification)
            .ShouldBe((ReleaseKind.Rollback, "oncall@example.com", "v2 invents discounts"));
        history.Releases.Count.ShouldBe(3);
        _studio.Released.ForChannel(ChannelKind.Email)!.Version.ShouldBe(v1.Version);
    }

    [Fact]
    public async Task AnEvaluationSetNamingAnUnknownSegmentStopsBeforeAnyModelCall()
    {
        await File.WriteAllTextAsync(Path.Combine(_studio.PromptsFolder, "evals", "email.eval.json"),
            """{ "cases": [ { "brand": "lumen-coffee", "segment": "astronauts", "brief": { "product": "ColdCraft" } } ] }""");
        var v1 = (await _studio.Store.FindAsync("email", "1"))!;
        var e = await Should.ThrowAsync<TemplateStudioException>(() => _studio.Evaluator.EvaluateAsync(v1.Id, TemplateStudioHarness.As("engineer@example.com")));
        e.Message.ShouldContain("case 1: brand 'lumen-coffee' has no segment 'astronauts'");
        _studio.Model.Calls.ShouldBe(0);
    }
}
