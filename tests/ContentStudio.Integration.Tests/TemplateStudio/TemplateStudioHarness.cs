using ContentStudio.Testing;
using ContentStudio.Core.Brands;
using ContentStudio.Core.Configuration;
using ContentStudio.Core.Data;
using ContentStudio.Core.Llm;
using ContentStudio.Core.Generation.Offline;
using ContentStudio.Core.Prompts;
using ContentStudio.Core.TemplateStudio;
using ContentStudio.Core.Segments;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Integration.Tests.TemplateStudio;

/// <summary>The template studio over a real database, the repository's brand guides and a copy of its prompts
/// (in a temp folder, with a small evaluation set for email), a <see cref="MarkerChatClient"/> as the model.</summary>
public sealed class TemplateStudioHarness : IAsyncDisposable
{
    private readonly Action? _cleanup;
    private TemplateStudioHarness(ServiceProvider services, string promptsFolder, DatabaseProvider provider, Action? cleanup)
    {
        Services = services; PromptsFolder = promptsFolder; Provider = provider; _cleanup = cleanup;
    }

    public ServiceProvider Services { get; }
    public string PromptsFolder { get; }
    public DatabaseProvider Provider { get; }
    public TemplateStore Store => Services.GetRequiredService<TemplateStore>();
    public TemplateEvaluator Evaluator => Services.GetRequiredService<TemplateEvaluator>();
    public ReleasedPromptCatalog Released => Services.GetRequiredService<ReleasedPromptCatalog>();
    public MarkerChatClient Model => (MarkerChatClient)Services.GetRequiredService<IChatClient>();
    public string EmailText => File.ReadAllText(Path.Combine(PromptsFolder, "email.prompt.md"));

    public static string RepoFolder(string name) => RepoPaths.Resolve(name, AppContext.BaseDirectory);

    public static async Task<TemplateStudioHarness> StartAsync(DatabaseProvider provider, string connectionString, Action? cleanup, bool seed = true)
    {
        var prompts = Path.Combine(Path.GetTempPath(), "contentstudio-prompts-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(Path.Combine(prompts, "evals"));
        foreach (var file in Directory.GetFiles(RepoFolder("prompts"), "*.prompt.md"))
            File.Copy(file, Path.Combine(prompts, Path.GetFileName(file)));
        await File.WriteAllTextAsync(Path.Combine(prompts, "evals", "email.eval.json"), SmallEmailSet);

        var data = StudioTestServices.NewDataFolder();
        var s = new ServiceCollection().AddStudioTestBase(provider, connectionString, data);
        s.AddStudioData();
        s.AddSingleton<IBrandCatalog>(new BrandCatalog(RepoFolder("brand-guides")));
        s.AddSingleton(new PromptCatalog(prompts));
        s.AddSingleton<IPromptCatalog>(sp => sp.GetRequiredService<PromptCatalog>());
        s.AddSingleton<IPromptRenderer, PromptRenderer>();
        s.AddSingleton<IChatClient>(new MarkerChatClient(new OfflineComposer()));
        s.AddSingleton<ILlmDescriptor>(new LlmDescriptor("Fake", "marker"));
        s.AddTemplateStudio();
        s.Configure<TemplateGateOptions>(o => o.VariantsPerCase = 2);
        var services = s.BuildServiceProvider(validateScopes: true);
        await DatabaseInitializer.MigrateAsync(services);
        if (seed) await TemplateSeeder.SeedAsync(services);
        return new TemplateStudioHarness(services, prompts, provider, () =>
        {
            TestConnections.Release(provider, connectionString);
            Directory.Delete(prompts, true); Directory.Delete(data, true); cleanup?.Invoke();
        });
    }

    /// <summary>A prompt engineer signed in as <paramref name="name"/>: TemplateStore and TemplateEvaluator check the role
    /// and record the name.</summary>
    public static ContentStudio.Core.Kernel.StudioUser As(string name) => new(name, name, ContentStudio.Core.Kernel.StudioRoles.PromptEngineer);

    /// <summary>The email template with one sentence added to its system message.</summary>
    public string EmailWith(string sentence) =>
        EmailText.Replace("You are a senior copywriter for", sentence + " You are a senior copywriter for", StringComparison.Ordinal);

    public async Task<PromptTemplateVersion> SaveAsync(string text, string name = "email")
    {
        var result = await Store.SaveVersionAsync(name, text, As("editor@example.com"), "test edit");
        result.Errors.Where(e => !e.IsWarning).ShouldBeEmpty();
        return result.Version!;
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        _cleanup?.Invoke();
    }

    private const string SmallEmailSet = """
        {
          // Two cases keep the test quick; the shipped set has eight.
          "cases": [
            { "brand": "lumen-coffee", "segment": "young-professionals",
              "brief": { "product": "Lumen Roast Club", "objective": "Win new subscribers", "keyMessages": ["Roasted within 48 hours of shipping"],
                         "offer": "First bag half price", "callToAction": "Start your subscription" } },
            { "brand": "harbor-bank", "segment": "seniors",
              "brief": { "product": "Harbor High-Yield Savings", "objective": "Grow savings deposits", "keyMessages": ["FDIC insured up to the legal limit"],
                         "offer": "", "callToAction": "Open a savings account" } }
          ]
        }
        """;
}
