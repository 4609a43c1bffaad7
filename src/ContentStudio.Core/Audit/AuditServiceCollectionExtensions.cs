using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ContentStudio.Core.Audit;

public static class AuditServiceCollectionExtensions
{
    /// <summary>The audit log and its verifier. Part of the data layer every feature stands on (AddStudioData).</summary>
    public static IServiceCollection AddAudit(this IServiceCollection services)
    {
        services.TryAddSingleton<AuditLog>();
        services.TryAddSingleton<AuditVerifier>();
        return services;
    }
}
