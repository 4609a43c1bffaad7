using Azure.Core;
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
        services.TryAddSingleton<UsageReport>();
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
                : ModelProviders.Create(options, sp.GetService<TokenCredential>());
            var model = options.Model is { Length: > 0 } m ? m : inner.GetService<ChatClientMetadata>()?.DefaultModelId ?? LlmDescriptor.OfflineModelFallback;
            return CreatePipeline(inner, options, sp.GetRequiredService<ILlmUsageRecorder>(), options.Provider.ToString(), model,
                sp.GetRequiredService<SecretRedactor>(), sp.GetService<TimeProvider>() ?? TimeProvider.System, sp.GetService<ILoggerFactory>(),
                // The ledger needs the database; hosts without one (tools, the pipeline's own tests) get no budgets.
                sp.GetService<IDbContextFactory<StudioDbContext>>() is null ? null : sp.GetRequiredService<SpendLimits>());
        });
        return services;
    }

    /// <summary>The one pipeline every provider gets, outermost first:
    /// <list type="number">
    /// <item>output-token cap: every stage below and the usage record see the request as sent;</item>
    /// <item>spend limits: the daily token budgets and the per-user concurrency limit (a refused call goes no further and
    /// costs nothing), and the usage ledger row per call (<see cref="SpendLimits"/>);</item>
    /// <item>usage recording: latency includes queueing for a slot and every retry; failed calls count too;</item>
    /// <item>logging (Microsoft.Extensions.AI): one entry per call, not per attempt;</item>
    /// <item>retries, timeouts, circuit breaker and the provider's adaptive concurrency limit (a slot per attempt, none held
    /// through back-off, see <see cref="ProviderThrottle"/>);</item>
    /// <item>OpenTelemetry (Microsoft.Extensions.AI, GenAI conventions): one span per attempt, so a retried call shows each
    /// try with its own latency and error;</item>
    /// <item>provider errors: next to the SDK, so everything above (telemetry included) sees only translated, redacted
    /// <see cref="ModelCallException"/>s.</item>
    /// </list>
    /// </summary>
    public static IChatClient CreatePipeline(IChatClient inner, LlmOptions options, ILlmUsageRecorder recorder, string provider, string model,
        SecretRedactor? redactor = null, TimeProvider? time = null, ILoggerFactory? loggerFactory = null, SpendLimits? limits = null) =>
        new ChatClientBuilder(inner)
            .UseOutputTokenCap(options.DefaultMaxOutputTokens)
            .UseSpendLimits(limits, provider, model, time)
            .UseUsageRecording(recorder, provider, model, time)
            .UseStudioLogging(loggerFactory, options.EnableSensitiveData)
            .UseRetries(options, time, loggerFactory?.CreateLogger("ContentStudio.Llm"))
            .UseStudioTelemetry(loggerFactory, options.EnableSensitiveData)
            .UseProviderErrors(redactor ?? SecretRedactor.PatternsOnly)
            .Build();
}
