using ContentStudio.Core.Prompts;
using ContentStudio.Core.TemplateStudio;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ContentStudio.Core.Tests.TemplateStudio;

/// <summary>The one line the lead adds to CoreComposition: everything resolves, and generation's catalog becomes
/// the released one while the file catalog stays available.</summary>
public class TemplateStudioRegistrationTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        settings["Studio:DataPath"] = Path.Combine(Path.GetTempPath(), "contentstudio-reg-" + Guid.NewGuid().ToString("N")[..8]);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddContentStudioCore(configuration, Directory.GetCurrentDirectory()).AddTemplateStudio();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    [Fact]
    public void AfterCoreTheReleasedCatalogServesGenerationAndTheFileCatalogStays()
    {
        using var sp = Build([]);
        sp.GetRequiredService<IPromptCatalog>().ShouldBeSameAs(sp.GetRequiredService<ReleasedPromptCatalog>());
        sp.GetRequiredService<PromptCatalog>().Templates.Count.ShouldBe(6);
        sp.GetRequiredService<TemplateStore>().ShouldNotBeNull();
        sp.GetRequiredService<TemplateEvaluator>().ShouldNotBeNull();
    }

    [Fact]
    public void GateThresholdsAreReadFromTheTemplateGateSection()
    {
        using var sp = Build(new() { ["TemplateGate:MaxPassRateDropPoints"] = "7.5", ["TemplateGate:VariantsPerCase"] = "5" });
        var gate = sp.GetRequiredService<IOptions<TemplateGateOptions>>().Value;
        (gate.MaxPassRateDropPoints, gate.VariantsPerCase, gate.MinJustificationLength).ShouldBe((7.5, 5, 20));
    }
}
