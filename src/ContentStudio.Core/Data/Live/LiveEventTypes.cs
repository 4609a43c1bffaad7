using ContentStudio.Core.Kernel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace ContentStudio.Core.Data.Live;

/// <summary>A message type that may cross instances, by its wire name (the type's name).</summary>
public sealed record LiveEventType(Type Type)
{
    public string Name => Type.Name;
}

public static class LiveEventServiceCollectionExtensions
{
    /// <summary>The live-update bus, and the PostgreSQL relay that carries it to other instances (a hosted service:
    /// it runs in the web app; elsewhere messages stay on the instance).</summary>
    public static IServiceCollection AddLiveEvents(this IServiceCollection services)
    {
        services.TryAddSingleton<PostgresLiveRelay>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ILiveEventSink, PostgresLiveRelay>(sp => sp.GetRequiredService<PostgresLiveRelay>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, PostgresLiveRelay>(sp => sp.GetRequiredService<PostgresLiveRelay>()));
        services.TryAddSingleton<LiveEvents>();
        services.TryAddSingleton<ILiveEvents>(sp => sp.GetRequiredService<LiveEvents>());
        return services;
    }

    /// <summary>Lets <typeparamref name="T"/> cross instances (each feature names the messages it publishes).</summary>
    public static IServiceCollection AddLiveEvent<T>(this IServiceCollection services) where T : class, ILiveEvent
    {
        services.AddSingleton(new LiveEventType(typeof(T)));
        return services;
    }
}
