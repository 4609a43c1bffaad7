using System.Diagnostics;
using ContentStudio.Core.Brands;
using ContentStudio.Core.Campaigns;
using ContentStudio.Core.Channels;
using ContentStudio.Core.Llm;
using ContentStudio.Core.Prompts;
using ContentStudio.Core.Segments;
using ContentStudio.Core.Generation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;

namespace ContentStudio.Benchmarks.WallClock;

/// <summary>`generation --profile`: where the time of one variant goes, measured one layer at a time on the same
/// requests the benchmark makes (single thread, after a warm-up): rendering the prompt, the offline composer, the
/// whole generator (render + compose + parse). The rest of a run's time is the engine's database work.</summary>
internal static class PhaseProfile
{
    public static async Task RunAsync(BenchStudio studio, BenchLayout layout)
    {
        var brand = studio.Get<IBrandCatalog>().Find(BenchStudio.Brand)!;
        var store = studio.Get<SegmentStore>();
        var segments = (await store.ListAsync(BenchStudio.Brand)).Take(BenchLayout.SegmentCount).ToList();
        var brief = BriefFile.Load(Path.Combine(BenchStudio.RepoRoot, "docs", "samples", "brief-lumen.json")) with
        { Channels = BenchLayout.Channels, SegmentKeys = segments.Select(s => s.Key).ToList(), VariantsPerSegment = 10 };
        var requests = (from s in segments from c in BenchLayout.Channels from v in Enumerable.Range(0, layout.VariantsPerSegmentAndChannel)
                        select new CompositionRequest(brand, s, ChannelCatalog.Get(c), brief, v, 1000 + v)).ToList();
        var catalog = studio.Get<IPromptCatalog>();
        var renderer = studio.Get<IPromptRenderer>();
        var chat = studio.Get<IChatClient>();
        var generator = studio.Get<IVariantGenerator>();

        var rendered = requests.Select(r => (r, renderer.Render(catalog.ForChannel(r.Channel.Kind)!, r))).ToList();
        await Time("render prompt", requests, r => { renderer.Render(catalog.ForChannel(r.Channel.Kind)!, r); return Task.CompletedTask; });
        var byRequest = rendered.ToDictionary(x => x.r, x => x.Item2);
        await Time("compose (model pipeline)", requests, r =>
        {
            var p = byRequest[r];
            return chat.GetResponseAsync([new(ChatRole.System, p.System), new(ChatRole.User, p.User)],
                new ChatOptions { Seed = r.Seed, AdditionalProperties = new() { [CompositionRequest.PropertyKey] = r } });
        });
        await Time("generator (render+compose+parse)", requests, r => generator.GenerateAsync(r, CancellationToken.None));
        await Time("segment lookup (db)", requests, r => store.GetAsync(BenchStudio.Brand, r.Segment.Key));

        // The engine's share: claim one task and execute it (load, generate, save, progress), one at a time.
        var campaigns = await studio.CreateCampaignsAsync(layout);
        var runs = await studio.StartRunsAsync(campaigns);
        var engine = studio.Get<GenerationEngine>();
        var dbFactory = studio.Get<Microsoft.EntityFrameworkCore.IDbContextFactory<ContentStudio.Core.Data.StudioDbContext>>();
        await Time("progress read (db)", requests, async _ =>
        {
            await using var db = await dbFactory.CreateDbContextAsync();
            await RunProgressReader.ReadAsync(db, runs[0], DateTime.UtcNow, CancellationToken.None);
        });
        await Time("claim 1 task (db)", requests.Take(200).ToList(), async _ =>
        {
            var ids = await engine.ClaimAsync(1, null, CancellationToken.None);
            await using var db = await dbFactory.CreateDbContextAsync();
            await db.GenerationTasks.Where(t => ids.Contains(t.Id)).ExecuteUpdateAsync(u => u.SetProperty(t => t.Status, GenerationTaskStatus.Pending));
        });
        await Time("claim 1 + execute (engine)", requests.Skip(100).ToList(), async _ =>
        {
            foreach (var id in await engine.ClaimAsync(1, null, CancellationToken.None)) await engine.ExecuteAsync(id, CancellationToken.None);
        });
    }

    static async Task Time(string name, IReadOnlyList<CompositionRequest> requests, Func<CompositionRequest, Task> step)
    {
        foreach (var r in requests.Take(50)) await step(r); // warm-up: JIT, caches
        var allocated = GC.GetTotalAllocatedBytes(true);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        foreach (var r in requests) await step(r);
        var elapsed = clock.Elapsed;
        var cpuUsed = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        Console.WriteLine($"  {name,-34} {elapsed.TotalMilliseconds / requests.Count,7:F3} ms/variant wall, " +
                          $"{cpuUsed.TotalMilliseconds / requests.Count,7:F3} ms CPU, {(GC.GetTotalAllocatedBytes(true) - allocated) / requests.Count / 1024.0,7:F1} KiB allocated");
    }
}
