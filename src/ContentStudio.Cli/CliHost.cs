using ContentStudio.Core;
using ContentStudio.Core.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ContentStudio.Cli;

/// <summary>Builds Core's services for one CLI invocation: the same configuration sources as the web app
/// (appsettings.json in the current folder, environment variables, user-secrets), no web host.</summary>
internal static class CliHost
{
    public static ServiceProvider Build()
    {
        var configuration = new ConfigurationBuilder()
            .SetBasePath(Directory.GetCurrentDirectory())
            .AddJsonFile("appsettings.json", optional: true)
            .AddUserSecrets(typeof(CliHost).Assembly, optional: true)
            .AddEnvironmentVariables()
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(b => b.AddConfiguration(configuration.GetSection("Logging")).SetMinimumLevel(LogLevel.Warning));
        services.AddContentStudioCore(configuration, Directory.GetCurrentDirectory());
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        try
        {
            // Before any verb touches the database: a bad setting must not leave a migrated file or a queued run behind.
            provider.ValidateSettings();
        }
        catch
        {
            provider.Dispose();
            throw;
        }
        return provider;
    }
}

internal static class ExitCodes
{
    public const int Ok = 0;
    public const int Problems = 1;
    public const int UsageOrInput = 2;
    /// <summary>A data-changing verb refused its user: wrong password, locked account, or a role that may not (audited).</summary>
    public const int Refused = 3;
    public const int Cancelled = 130;
}
