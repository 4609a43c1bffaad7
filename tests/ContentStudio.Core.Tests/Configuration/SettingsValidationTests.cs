using System.Reflection;
using ContentStudio.Core.Configuration;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ContentStudio.Core.Tests.Configuration;

/// <summary>A bad setting stops start-up before anything has a side effect, with a message that names the key.</summary>
public sealed class SettingsValidationTests : IDisposable
{
    readonly string _folder = Path.Combine(Path.GetTempPath(), "cs-settings-" + Guid.NewGuid().ToString("N")[..10]);
    string DbFile => Path.Combine(_folder, "data", "contentstudio.db");

    ServiceProvider Build(Dictionary<string, string?> settings)
    {
        settings["Studio:DataPath"] = Path.Combine(_folder, "data");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration);
        services.AddContentStudioCore(configuration, Directory.GetCurrentDirectory());
        return services.BuildServiceProvider();
    }

    [Fact]
    public async Task AnInvalidModelSettingStopsInitialisationBeforeTheDatabaseIsTouched()
    {
        await using var services = Build(new() { ["Llm:Provider"] = "OpenAI", ["Llm:Model"] = "gpt-4o-mini" });

        var error = await Should.ThrowAsync<SettingsException>(() => services.InitializeContentStudioAsync());

        error.Problems.ShouldContain(p => p.Contains("Llm:ApiKey is required for OpenAI"));
        File.Exists(DbFile).ShouldBeFalse();
        Directory.Exists(Path.Combine(_folder, "data")).ShouldBeFalse();
    }

    [Fact]
    public async Task AValueThatCannotBeConvertedNamesItsKey()
    {
        await using var services = Build(new() { ["Llm:Provider"] = "Bogus" });

        var error = Should.Throw<SettingsException>(services.ValidateSettings);

        error.Message.ShouldContain("'Llm:Provider'");
        File.Exists(DbFile).ShouldBeFalse();
    }

    /// <summary>Every options class is validated at start, not at first use: a word where a number, a boolean or an
    /// enum goes fails <see cref="SettingsValidation.ValidateSettings"/> and names the key.</summary>
    [Theory]
    [MemberData(nameof(TypedKeys))]
    public async Task EveryOptionsClassIsCheckedAtStart(string key)
    {
        await using var services = Build(new() { [key] = "not-a-value" });

        var error = Should.Throw<SettingsException>(services.ValidateSettings);

        error.Message.ShouldContain(key);
    }

    /// <summary>The first number, boolean or enum property of every options class with a Section.</summary>
    public static TheoryData<string> TypedKeys()
    {
        var data = new TheoryData<string>();
        foreach (var type in typeof(CoreComposition).Assembly.GetTypes().Where(t => t.Name.EndsWith("Options", StringComparison.Ordinal)))
        {
            if (type.GetField("Section", BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue() is not string section) continue;
            var typed = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .FirstOrDefault(p => p.CanWrite && (p.PropertyType.IsPrimitive || p.PropertyType.IsEnum));
            if (typed is not null) data.Add($"{section}:{typed.Name}");
        }
        return data;
    }

    [Fact]
    public async Task AReviewQueueSlaThatCannotBeParsedFailsAtStart()
    {
        await using var services = Build(new() { ["ReviewQueue:SlaHoursByImpact"] = "72,48" });
        Should.Throw<SettingsException>(services.ValidateSettings).Message.ShouldContain("ReviewQueue:SlaHoursByImpact");
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder)) Directory.Delete(_folder, true);
    }
}
