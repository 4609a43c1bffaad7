using ContentStudio.Core;
using ContentStudio.Core.Campaigns;
using ContentStudio.Core.Generation;
using ContentStudio.Core.Segments;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Benchmarks.WallClock;

/// <summary>The real studio (AddContentStudioCore) on a fresh SQLite database in a temp folder, with the repository's
/// brand guides and prompts, Lumen Coffee's 7 sample segments plus 3 synthetic ones, and the benchmark's campaigns.</summary>
internal sealed class BenchStudio : IAsyncDisposable
{
    public const string Brand = "lumen-coffee";
    readonly string _folder;

    BenchStudio(ServiceProvider services, string folder) { Services = services; _folder = folder; }

    public ServiceProvider Services { get; }
    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();
    public static string RepoRoot { get; } = FindRepoRoot();

    public static async Task<BenchStudio> StartAsync(IReadOnlyDictionary<string, string?> settings)
    {
        var folder = Path.Combine(Path.GetTempPath(), "contentstudio-bench-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(folder);
        var all = new Dictionary<string, string?>
        {
            ["Studio:DataPath"] = folder,
            ["Studio:BrandGuidesPath"] = Path.Combine(RepoRoot, "brand-guides"),
            ["Studio:PromptsPath"] = Path.Combine(RepoRoot, "prompts"),
            ["Generation:WorkerEnabled"] = "false",
        };
        foreach (var (k, v) in settings) all[k] = v;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(all).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        // Warnings and errors only: a failed task must show, progress chatter must not cost time.
        services.AddLogging(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning));
        services.AddContentStudioCore(configuration, RepoRoot);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        provider.GetRequiredService<IStartupValidator>().Validate();
        var studio = new BenchStudio(provider, folder);
        await provider.InitializeContentStudioAsync();
        await studio.AddSyntheticSegmentsAsync();
        return studio;
    }

    /// <summary>Three more audiences, each a copy of a sample segment under a new key and name, so the brand has 10.</summary>
    async Task AddSyntheticSegmentsAsync()
    {
        var store = Get<SegmentStore>();
        var samples = await store.ListAsync(Brand);
        if (samples.Count < 7) throw new InvalidOperationException($"Expected Lumen Coffee's 7 sample segments, found {samples.Count}.");
        (string Key, string Name, string From)[] extra =
        [
            ("night-shift-workers", "Night-shift workers", "young-professionals"),
            ("remote-workers", "Remote workers", "home-baristas"),
            ("gift-buyers", "Gift buyers", "busy-parents"),
        ];
        foreach (var (key, name, from) in extra)
            await store.SaveAsync(samples.Single(s => s.Key == from) with { Key = key, Name = name }, BenchUser);
    }

    private static readonly ContentStudio.Core.Kernel.StudioUser BenchUser =
        new("bench", "Bench", ContentStudio.Core.Kernel.StudioRoles.BrandManager);

    public async Task<IReadOnlyList<string>> SegmentKeysAsync()
    {
        var keys = await Get<SegmentStore>().KeysAsync(Brand);
        if (keys.Count < BenchLayout.SegmentCount) throw new InvalidOperationException($"Need {BenchLayout.SegmentCount} segments, have {keys.Count}.");
        return keys.Take(BenchLayout.SegmentCount).ToList();
    }

    /// <summary>One campaign per entry of the layout, from docs/samples/brief-lumen.json with the benchmark's
    /// segments, channels and variant count, created through CampaignService (so validated like any brief).</summary>
    public async Task<IReadOnlyList<Guid>> CreateCampaignsAsync(BenchLayout layout)
    {
        var sample = BriefFile.Load(Path.Combine(RepoRoot, "docs", "samples", "brief-lumen.json"));
        var keys = await SegmentKeysAsync();
        var ids = new List<Guid>();
        for (var i = 0; i < layout.VariantsPerCampaign.Count; i++)
        {
            var brief = sample with
            {
                Name = $"{sample.Name} (benchmark {i + 1})", Channels = BenchLayout.Channels, SegmentKeys = keys,
                VariantsPerSegment = layout.VariantsPerCampaign[i],
            };
            ids.Add((await Get<CampaignService>().CreateAsync(brief, "bench@example.com")).Id);
        }
        return ids;
    }

    public async Task<IReadOnlyList<Guid>> StartRunsAsync(IReadOnlyList<Guid> campaigns)
    {
        var runs = new List<Guid>();
        foreach (var id in campaigns) runs.Add((await Get<GenerationService>().StartRunAsync(id, "bench@example.com")).Id);
        return runs;
    }

    static string FindRepoRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "ContentStudio.sln"))) return dir.FullName;
        throw new InvalidOperationException("Run the benchmarks from inside the repository (no ContentStudio.sln found above the current folder).");
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, true); } catch (IOException) { /* a leftover temp folder is harmless */ }
    }
}
