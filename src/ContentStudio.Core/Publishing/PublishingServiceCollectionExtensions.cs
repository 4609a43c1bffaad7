using ContentStudio.Core.Audit;
using ContentStudio.Core.Publishing.Delivery;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ContentStudio.Core.Configuration;

namespace ContentStudio.Core.Publishing;

public static class PublishingServiceCollectionExtensions
{
    /// <summary>Targets, the publishing service, the dispatcher, the outbox queries and the options (section
    /// "Publishing"). Needs AddStudioData and an <see cref="IApprovalEvidenceSource"/> registered by the host
    /// (the review feature); without one, PublishingService and OutboxDispatcher cannot be resolved.
    /// Does not start the background dispatcher: see <see cref="AddPublishingWorker"/>.</summary>
    public static IServiceCollection AddPublishing(this IServiceCollection services)
    {
        services.AddStudioOptions<PublishingOptions>(PublishingOptions.Section);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PublishingOptions>, PublishingOptionsValidator>());
        services.TryAddSingleton<PublishingSecrets>();
        services.TryAddSingleton<WebhookSender>();
        services.TryAddSingleton<PublishTargets>();
        services.TryAddSingleton<PublishingService>();
        services.TryAddSingleton<OutboxDispatcher>();
        services.TryAddSingleton<OutboxQueries>();
        services.TryAddSingleton<CampaignExporter>();
        return services;
    }

    /// <summary>The hosted dispatcher (web app or a worker process; the CLI runs the dispatcher directly).</summary>
    public static IServiceCollection AddPublishingWorker(this IServiceCollection services)
    {
        services.AddHostedService<OutboxWorker>();
        return services;
    }
}

/// <summary>A lease shorter than a request would let a second dispatcher take over a delivery still in flight.</summary>
internal sealed class PublishingOptionsValidator : IValidateOptions<PublishingOptions>
{
    public ValidateOptionsResult Validate(string? name, PublishingOptions o) =>
        o.LeaseSeconds <= o.RequestTimeoutSeconds
            ? ValidateOptionsResult.Fail($"Publishing:LeaseSeconds ({o.LeaseSeconds}) must be greater than Publishing:RequestTimeoutSeconds ({o.RequestTimeoutSeconds})")
            : ValidateOptionsResult.Success;
}
