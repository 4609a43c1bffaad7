using Microsoft.Extensions.DependencyInjection;
using ContentStudio.Core.Generation;
using ContentStudio.Integration.Tests.Infrastructure;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Integration.Tests.Generation;

/// <summary>What the generation test classes share: the run service, the recorded post-processing and run-completed
/// hooks, and the run's tasks and variants as stored.</summary>
public abstract class GenerationTests : StudioTests
{
    protected RecordingHooks Hooks { get; } = new();
    protected GenerationService Runs => Studio.Get<GenerationService>();

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton<IVariantPostProcessor>(Hooks);
        services.AddSingleton<IRunCompletedHandler>(Hooks);
    }

    protected Task<List<GenerationTask>> TasksAsync(Guid runId) => Studio.TasksAsync(runId);
    protected Task<List<Variant>> VariantsAsync(Guid runId) => Studio.VariantsAsync(runId);
}
