using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ContentStudio.Core.Configuration;

public static class StudioOptionsRegistration
{
    /// <summary>The one way an options class is registered: bound from its configuration section, checked by its data
    /// annotations (and any IValidateOptions the feature adds), validated at start, so <see cref="SettingsValidation.ValidateSettings"/>
    /// sees every setting before anything has a side effect. Hosts register their IConfiguration first; tools and tests
    /// that build services without one get an empty configuration, i.e. the defaults.</summary>
    public static OptionsBuilder<T> AddStudioOptions<T>(this IServiceCollection services, string section) where T : class
    {
        services.TryAddSingleton<IConfiguration>(_ => new ConfigurationBuilder().Build());
        return services.AddOptions<T>().BindConfiguration(section).ValidateDataAnnotations().ValidateOnStart();
    }
}
