using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ContentStudio.Core.Llm;

namespace ContentStudio.Core.Generation.Offline;

public static class OfflineServiceCollectionExtensions
{
    /// <summary>Registers the offline composer as itself and as the <see cref="IChatClient"/> keyed
    /// <see cref="OfflineComposer.ProviderName"/>, so provider selection can resolve it by name. It is
    /// stateless, so one instance serves every request.</summary>
    public static IServiceCollection AddOfflineComposer(this IServiceCollection services)
    {
        services.TryAddSingleton<OfflineComposer>();
        services.TryAddKeyedSingleton<IChatClient>(OfflineComposer.ProviderName,
            (sp, _) => sp.GetRequiredService<OfflineComposer>());
        return services;
    }
}
