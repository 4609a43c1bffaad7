using ContentStudio.Core.Generation;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ContentStudio.Core.Configuration;
using ContentStudio.Core.Data;
using ContentStudio.Core.Llm.Budgets;
using Microsoft.EntityFrameworkCore;

namespace ContentStudio.Core.Llm;

public static class LlmServiceCollectionExtensions
{
    /// <summary>Registers the "Llm" options (validated at start), the <see cref="IChatClient"/> pipeline for the
    /// configured provider, <see cref="ILlmDescriptor"/> and the in-memory <see cref="ILlmUsageRecorder"/>.
    /// <paramref name="offlineFactory"/> makes the offline composer, used when Llm:Provider is Offline.</summary>
    public static IServiceCollection AddLlm(this IServiceCollection services, Func<IServiceProvider, IChatClient> offlineFactory)
    {
        ArgumentNullException.ThrowIfNull(offlineFactory);
        services.AddStudioOptions<LlmOptions>(LlmOptions.Section);
        services.AddSingleton<IValidateOptions<LlmOptions>>(sp => new LlmOptionsValidator(sp.GetService<IConfiguration>()));
        services.TryAddSingleton<ILlmUsageRecorder, InMemoryLlmUsageRecorder>();
        services.AddStudioOptions<BudgetOptions>(BudgetOptions.Section);
        services.TryAddSingleton<SpendLimits>();
        services.TryAddSingleton(sp => new SecretRedactor([sp.GetRequiredService<IOptions<LlmOptions>>().Value.ApiKey]));

        services.AddSingleton<ILlmDescriptor>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<LlmOptions>>().Value;
            if (options.Provider != LlmProvider.Offline) return new LlmDescriptor(options.Provider.ToString(), options.Model);
            var metadata = sp.GetRequiredService<IChatClient>().GetService<ChatClientMetadata>();
            var model = options.Model is { Length: > 0 } m ? m : metadata?.DefaultModelId ?? LlmDescriptor.OfflineModelFallback;
            return new LlmDescriptor(nameof(LlmProvider.Offline), model);
        });

        services.AddSingleton<IChatClient>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<LlmOptions>>().Value;
            IChatClient inner = options.Provider == LlmProvider.Offline
                ? offlineFactory(sp) ?? throw new InvalidOperationException("AddLlm: the offline factory returned no client")
                : OpenAIClientFactory.CreateAdapter(options);
            var model = options.Model is { Length: > 0 } m ? m : inner.GetService<ChatClientMetadata>()?.DefaultModelId ?? LlmDescriptor.OfflineModelFallback;
            return CreatePipeline(inner, options, sp.GetRequiredService<ILlmUsageRecorder>(), options.Provider.ToString(), model,
                sp.GetService<TimeProvider>() ?? TimeProvider.System, sp.GetService<ILoggerFactory>()?.CreateLogger("ContentStudio.Llm"),
                // The ledger needs the database; hosts without one (tools, the pipeline's own tests) get no budgets.
                sp.GetService<IDbContextFactory<StudioDbContext>>() is null ? null : sp.GetRequiredService<SpendLimits>());
        });
        return services;
    }

    /// <summary>The one pipeline every provider gets. The output-token cap first, so every stage and the usage record
    /// see the request as sent; then the budgets (a refused call goes no further) and the usage ledger; then usage (latency includes queueing and retries), then retries and timeouts next to the
    /// model, with the provider's adaptive concurrency limit inside them: a slot per attempt, none held through back-off
    /// (see <see cref="ProviderThrottle"/>).</summary>
    public static IChatClient CreatePipeline(IChatClient inner, LlmOptions options, ILlmUsageRecorder recorder, string provider, string model,
        TimeProvider? time = null, ILogger? logger = null, SpendLimits? limits = null) =>
        new ChatPipelineBuilder(inner)
            .UseOutputTokenCap(options.DefaultMaxOutputTokens)
            .UseSpendLimits(limits, provider, model, time)
            .UseUsageRecording(recorder, provider, model, time)
            .UseRetries(options, time, logger)
            .Build();
}
