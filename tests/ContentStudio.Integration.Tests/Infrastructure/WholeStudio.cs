using ContentStudio.Core;
using ContentStudio.Core.Configuration;
using ContentStudio.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ContentStudio.Integration.Tests.Infrastructure;

/// <summary>The whole studio as the web app and the CLI compose it (AddContentStudioCore over the repository's brand
/// guides and prompts), initialised (migrated, templates and sample segments seeded) on a SQLite file in a data folder
/// of its own, with the settings a test gives (for example a model provider pointing at a <see cref="FakeOpenAiServer"/>).</summary>
public sealed class WholeStudio : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly string _data;

    private WholeStudio(ServiceProvider services, string data) { _services = services; _data = data; }

    public IServiceProvider Services => _services;
    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    /// <param name="replace">Registrations made after Core's (a fake generator instead of the real one).</param>
    public static async Task<WholeStudio> StartAsync(IReadOnlyDictionary<string, string?>? settings = null, ILoggerProvider? log = null,
        Action<IServiceCollection>? replace = null)
    {
        var data = StudioTestServices.NewDataFolder();
        var all = new Dictionary<string, string?> { ["Studio:DataPath"] = data };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) all[key] = value;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(all).Build();
        var services = new ServiceCollection()
            .AddLogging(b => { if (log is not null) b.AddProvider(log).SetMinimumLevel(LogLevel.Trace); })
            .AddSingleton<IConfiguration>(configuration);
        services.AddContentStudioCore(configuration, Directory.GetCurrentDirectory());
        replace?.Invoke(services);
        var provider = services.BuildServiceProvider();
        await provider.InitializeContentStudioAsync();
        return new WholeStudio(provider, data);
    }

    /// <summary>Settings that point the studio at <paramref name="server"/> as an OpenAI-compatible provider, with quick retries.</summary>
    public static Dictionary<string, string?> AgainstModel(FakeOpenAiServer server) => new()
    {
        ["Llm:Provider"] = "OpenAICompatible",
        ["Llm:Endpoint"] = server.BaseUri.ToString(),
        ["Llm:Model"] = "fake-model",
        ["Llm:RetryBaseDelayMilliseconds"] = "20",
    };

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        TestConnections.Release(DatabaseProvider.Sqlite, "");
        try { Directory.Delete(_data, recursive: true); } catch (IOException) { }
    }
}
