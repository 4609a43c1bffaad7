using ContentStudio.Core;
using ContentStudio.Core.Campaigns;
using ContentStudio.Core.Channels;
using ContentStudio.Core.Checks;
using ContentStudio.Core.Data;
using ContentStudio.Core.Generation;
using ContentStudio.Integration.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Integration.Tests.Checks;

/// <summary>The real studio wiring (sample brands, offline composer, SQLite): every generated variant is stored with
/// its check report, and every finished run with its campaign report.</summary>
public sealed class ChecksInGenerationTests : IAsyncLifetime
{
    private readonly string _data = Directory.CreateTempSubdirectory("cs-checks-").FullName;
    private ServiceProvider _services = null!;
    private readonly FakeVariantGenerator _fake = new();
    private bool _useFake;

    public async Task InitializeAsync() => await StartAsync(useFake: false);

    private async Task StartAsync(bool useFake)
    {
        _useFake = useFake;
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Studio:DataPath"] = _data }).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(config);
        services.AddContentStudioCore(config, Directory.GetCurrentDirectory());
        if (_useFake) services.AddSingleton<IVariantGenerator>(_fake);
        _services = services.BuildServiceProvider();
        await _services.InitializeContentStudioAsync();
    }

    private async Task<Guid> GenerateAsync(CampaignBrief brief)
    {
        var campaign = await _services.GetRequiredService<CampaignService>().CreateAsync(brief, "marketer");
        var run = await _services.GetRequiredService<GenerationService>().StartRunAsync(campaign.Id, "marketer");
        await _services.GetRequiredService<GenerationEngine>().RunUntilIdleAsync(run.Id);
        return run.Id;
    }

    private static CampaignBrief Brief(string brand, params string[] segments) => new()
    {
        Name = "Checks test", BrandSlug = brand, Product = brand == "harbor-bank" ? "Harbor High-Yield Savings" : "Lumen Roast Club",
        Objective = "Grow", KeyMessages = ["Open in minutes in Harbor Mobile"], CallToAction = "Learn more",
        Channels = [ChannelKind.Email, ChannelKind.Sms, ChannelKind.Ad], SegmentKeys = segments, VariantsPerSegment = 2,
    };

    [Fact]
    public async Task EveryGeneratedVariantIsStoredWithItsCheckReportAndTheRunWithItsCampaignReport()
    {
        var runId = await GenerateAsync(Brief("harbor-bank", "first-jobbers", "seniors"));

        await using var db = await _services.GetRequiredService<IDbContextFactory<StudioDbContext>>().CreateDbContextAsync();
        var variants = await db.Variants.Where(v => v.RunId == runId).ToListAsync();
        variants.Count.ShouldBe(12);
        variants.ShouldAllBe(v => v.Outcome == VariantOutcome.Ok && v.CheckGate != null && v.CheckScore != null);
        foreach (var v in variants)
        {
            var report = StoredReports.Deserialize(v.CheckReportJson)!;
            report.Score.ShouldBe(v.CheckScore!.Value);
            report.RuleSetVersion.ShouldContain("harbor-bank");
            report.NotRun.ShouldContain(n => n.RuleId.StartsWith("judge."), "LLM judges report 'not run' with the offline composer");
        }
        var run = await db.GenerationRuns.SingleAsync(r => r.Id == runId);
        StoredReports.Deserialize(run.CampaignReportJson).ShouldNotBeNull();
    }

    [Fact]
    public async Task CopyWithAnUnapprovedClaimLandsBlockedWithTheFindingPointingAtTheWords()
    {
        await _services.DisposeAsync();
        await StartAsync(useFake: true);
        _fake.Answer = r => FakeVariantGenerator.Write(r) with
        {
            Fields = r.Channel.Fields.ToDictionary(f => f.Name, f => f.Name is "body" or "description" ? "Guaranteed returns, risk-free." : "Harbor")
        };

        var runId = await GenerateAsync(Brief("harbor-bank", "seniors"));

        var grid = await _services.GetRequiredService<VariantQueries>().GridForRunAsync(runId);
        var sms = grid!.Cell("seniors", ChannelKind.Sms).Variants[0];
        sms.Gate.ShouldBe(Gate.Blocked);
        var banned = sms.AllFindings.First(f => f.Text.Equals("Guaranteed returns", StringComparison.OrdinalIgnoreCase) || f.Text.Equals("risk-free", StringComparison.OrdinalIgnoreCase));
        sms.Fields[banned.Field].Substring(banned.Start, banned.Length).ShouldBe(banned.Text);
    }

    [Fact]
    public async Task AnEditReRunsTheChecksSoTheGateDescribesTheContentAsItIsNow()
    {
        await _services.DisposeAsync();
        await StartAsync(useFake: true);
        _fake.Answer = r => FakeVariantGenerator.Write(r) with
        {
            Fields = r.Channel.Fields.ToDictionary(f => f.Name, f => f.Name == "body" ? "Guaranteed returns, risk-free." : "Harbor")
        };
        var runId = await GenerateAsync(Brief("harbor-bank", "seniors"));
        var sms = (await _services.GetRequiredService<VariantQueries>().GridForRunAsync(runId))!.Cell("seniors", ChannelKind.Sms).Variants[0];
        sms.Gate.ShouldBe(Gate.Blocked);
        await using (var db = await _services.GetRequiredService<IDbContextFactory<StudioDbContext>>().CreateDbContextAsync())
        {
            var token = (await db.Variants.SingleAsync(v => v.Id == sms.Id)).ConcurrencyToken;
            var editor = new ContentStudio.Core.Kernel.StudioUser("marketer", "Marketer", ContentStudio.Core.Kernel.StudioRoles.Marketer);
            await _services.GetRequiredService<ContentStudio.Core.Review.ReviewService>().EditAsync(sms.Id,
                new Dictionary<string, string> { ["body"] = "Harbor Bank: open Harbor High-Yield Savings in Harbor Mobile. Harbor Bank, Member FDIC. Reply STOP to opt out, HELP for help. Msg & data rates may apply." },
                token, editor);
        }

        var edited = await _services.GetRequiredService<VariantQueries>().GetVariantAsync(sms.Id);
        edited!.Gate.ShouldNotBe(Gate.Blocked);
        edited.Report!.Findings.ShouldNotContain(f => f.RuleId.StartsWith("claims.") || f.RuleId.StartsWith("brand.terms"));
    }

    [Fact]
    public async Task AfterAnEditEveryHighlightPointsAtItsWordsInTheNewTextNeverAtShiftedOffsets()
    {
        // Issue #14: after an edit the remaining highlights were off by the length of the change. Item findings come from
        // the fresh check; campaign findings (kept until the next run) are looked up in the new text.
        await _services.DisposeAsync();
        await StartAsync(useFake: true);
        _fake.Answer = r => FakeVariantGenerator.Write(r) with
        {
            Fields = r.Channel.Fields.ToDictionary(f => f.Name, f => f.Name == "body" ? "Hey guys, guaranteed returns, risk-free." : "Harbor")
        };
        var runId = await GenerateAsync(Brief("harbor-bank", "seniors"));
        var sms = (await _services.GetRequiredService<VariantQueries>().GridForRunAsync(runId))!.Cell("seniors", ChannelKind.Sms).Variants[0];
        var dbFactory = _services.GetRequiredService<IDbContextFactory<StudioDbContext>>();
        Guid token;
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            var stored = await db.Variants.SingleAsync(v => v.Id == sms.Id);
            var body = stored.Fields["body"];
            var at = body.IndexOf("risk-free", StringComparison.Ordinal);
            stored.CampaignFindingsJson = StoredReports.SerializeFindings(
                [new Finding("campaign.consistency.offer", CheckCategories.Consistency, Severity.Warning, "body", at, 9, "risk-free", "differs across segments")]);
            await db.SaveChangesAsync();
            token = stored.ConcurrencyToken;
        }
        var guys = sms.AllFindings.Single(f => f.RuleId == "inclusive.gender.guys");
        var edit = Replacements.For(sms.Fields["body"], guys).First(e => e.Replacement == "everyone");

        var editor = new StudioUser("marketer", "Marketer", StudioRoles.Marketer);
        await _services.GetRequiredService<ContentStudio.Core.Review.ReviewService>().EditAsync(sms.Id,
            Replacements.Apply(sms.Fields, edit), token, editor);

        var edited = (await _services.GetRequiredService<VariantQueries>().GetVariantAsync(sms.Id))!;
        edited.Fields["body"].ShouldBe("Hey everyone, guaranteed returns, risk-free.");
        edited.AllFindings.ShouldNotContain(f => f.RuleId == "inclusive.gender.guys");
        var spans = edited.AllFindings.Where(f => f.Length > 0).ToList();
        spans.ShouldContain(f => f.RuleId == "campaign.consistency.offer" && f.Start == edited.Fields["body"].IndexOf("risk-free", StringComparison.Ordinal));
        spans.ShouldAllBe(f => Replacements.StillReads(edited.Fields[f.Field], f));
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_data, true); } catch (IOException) { }
    }
}
