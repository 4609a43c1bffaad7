using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ContentStudio.Core.Configuration;
using ContentStudio.Core.Audit;
using ContentStudio.Core.Data.Live;

namespace ContentStudio.Core.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>What every feature stands on: IDbContextFactory&lt;StudioDbContext&gt; for the provider in DatabaseOptions
    /// (bound by AddContentStudioCore), the clock (TimeProvider, registered here once), the audit log and the live-update
    /// bus. Features register only their own types.</summary>
    public static IServiceCollection AddStudioData(this IServiceCollection services)
    {
        services.AddStudioOptions<DatabaseOptions>(DatabaseOptions.Section);
        services.AddStudioPaths();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DatabaseOptions>, DatabaseOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddDbContextFactory<StudioDbContext>((sp, builder) =>
        {
            var db = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            StudioDatabase.Configure(builder, db.Provider, StudioDatabase.ResolveConnectionString(db, sp.GetRequiredService<StudioPaths>().Data));
        });
        services.AddAudit();
        services.AddLiveEvents();
        return services;
    }
}

internal sealed class DatabaseOptionsValidator : IValidateOptions<DatabaseOptions>
{
    public ValidateOptionsResult Validate(string? name, DatabaseOptions options) =>
        options.Provider == DatabaseProvider.PostgreSql && string.IsNullOrWhiteSpace(options.ConnectionString)
            ? ValidateOptionsResult.Fail(StudioDatabase.MissingPostgresConnectionString)
            : ValidateOptionsResult.Success;
}
