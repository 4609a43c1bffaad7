using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ContentStudio.Core.Configuration;

namespace ContentStudio.Core.Audit;

public static class AuditServiceCollectionExtensions
{
    /// <summary>The audit log, its key, its anchor and its verifier, with the "Audit" options validated at start. Part
    /// of the data layer every feature stands on (AddStudioData). The anchor worker runs only in hosts that start hosted services (the web app).</summary>
    public static IServiceCollection AddAudit(this IServiceCollection services)
    {
        services.AddStudioOptions<AuditOptions>(AuditOptions.Section);
        services.AddStudioPaths(); // the key file and the anchor live in the data folder
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AuditOptions>, AuditOptionsValidator>(
            sp => new AuditOptionsValidator(sp.GetService<IConfiguration>())));
        services.TryAddSingleton<AuditChainKey>();
        services.TryAddSingleton<AuditAnchorWebhook>();
        services.TryAddSingleton<AuditAnchor>();
        services.TryAddSingleton<AuditLog>();
        services.TryAddSingleton<AuditVerifier>();
        services.TryAddSingleton<AuditSearch>();
        services.TryAddSingleton<AccessRefusals>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, AuditAnchorWorker>());
        return services;
    }
}
