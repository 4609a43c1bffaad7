using ContentStudio.Testing;
using ContentStudio.Core.Configuration;
using ContentStudio.Core.Data;
using ContentStudio.Core.Identity;
using ContentStudio.Integration.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Integration.Tests.Cli;

/// <summary>A temp folder the CLI runs in, with its own data folder (so no test touches the repository's data/)
/// and the environment that configures it. Brand guides and prompts are the repository's unless a test points
/// elsewhere. Opens the same database the CLI writes, to check what it left.
/// Verbs that change data need a signed-in user: before the first such verb the workspace creates <see cref="UserName"/>
/// (every role) in its database and gives every child STUDIO_USER / STUDIO_PASSWORD, unless the test set either variable
/// itself or turned <see cref="SignedIn"/> off.</summary>
public sealed class CliWorkspace : IDisposable
{
    /// <summary>The workspace's own user, with all four roles, so every verb is allowed.</summary>
    public const string UserName = "cli-tester";

    /// <summary>First word(s) of the verbs that refuse to run without an identity.</summary>
    static readonly string[][] DataChangingVerbs =
    [
        ["generate"], ["prompts", "release"], ["prompts", "rollback"], ["prompts", "import"], ["prompts", "eval"],
        ["publish", "run"], ["users", "add"], ["results", "import"], ["experiments"], ["governance"], ["variants"],
    ];

    bool _userCreated;

    /// <summary>Generous: a cold `dotnet studio.dll` on a loaded 2-core machine takes seconds before it does anything.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    CliWorkspace(DatabaseProvider provider, string? connectionString)
    {
        Folder = Path.Combine(Path.GetTempPath(), "contentstudio-cli-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(Folder);
        Provider = provider;
        ConnectionString = connectionString ?? $"Data Source={SqlitePath}";
        Environment["Studio__DataPath"] = DataPath;
        Environment["Studio__BrandGuidesPath"] = Path.Combine(CliProcess.RepoRoot, "brand-guides");
        Environment["Studio__PromptsPath"] = Path.Combine(CliProcess.RepoRoot, "prompts");
        Environment["Database__Provider"] = provider.ToString();
        // The fake model's script counts generation calls only: no judge calls in between.
        Environment["Checks__JudgesEnabled"] = "false";
        if (connectionString is not null) Environment["Database__ConnectionString"] = connectionString;
    }

    public static CliWorkspace Sqlite() => new(DatabaseProvider.Sqlite, null);
    public static CliWorkspace Postgres(string connectionString) => new(DatabaseProvider.PostgreSql, connectionString);

    public string Folder { get; }
    public string DataPath => Path.Combine(Folder, "data");
    public string SqlitePath => Path.Combine(DataPath, StudioDatabase.SqliteFileName);
    public DatabaseProvider Provider { get; }
    public string ConnectionString { get; }
    public Dictionary<string, string> Environment { get; } = [];

    /// <summary>Give data-changing verbs the workspace user's identity (default). Off: children get no STUDIO_USER
    /// or STUDIO_PASSWORD from the workspace, only what <see cref="Environment"/> holds.</summary>
    public bool SignedIn { get; set; } = true;

    /// <summary>The workspace user's password: generated per workspace, never a constant in the repository.</summary>
    public string Password { get; } = InitialAdmin.GeneratePassword();

    public static string SampleBrief => Path.Combine(CliProcess.RepoRoot, "docs", "samples", "brief-lumen.json");

    public async Task<CliResult> RunAsync(params string[] args) => await CliProcess.RunAsync(Folder, await ChildEnvironmentAsync(args), Timeout, args);

    /// <summary>Starts the CLI; creating the workspace user first (once) may take a moment, so this waits for it.</summary>
    public CliProcess Start(params string[] args) =>
        CliProcess.Start(Folder, Task.Run(() => ChildEnvironmentAsync(args)).GetAwaiter().GetResult(), args);

    /// <summary>Runs as <paramref name="user"/> with <paramref name="password"/> (null: the variable is not set at all),
    /// whatever the workspace identity.</summary>
    public Task<CliResult> RunAsAsync(string? user, string? password, params string[] args)
    {
        var env = new Dictionary<string, string>(Environment);
        env.Remove("STUDIO_USER");
        env.Remove("STUDIO_PASSWORD");
        if (user is not null) env["STUDIO_USER"] = user;
        if (password is not null) env["STUDIO_PASSWORD"] = password;
        return CliProcess.RunAsync(Folder, env, Timeout, args);
    }

    /// <summary>Adds a user with <paramref name="roles"/> straight through Core (quicker than a CLI call), after the
    /// workspace user so the database is migrated.</summary>
    public async Task AddUserAsync(string name, string password, params string[] roles)
    {
        await EnsureUserAsync();
        await using var sp = IdentityServices();
        await using var scope = sp.CreateAsyncScope();
        var created = await scope.ServiceProvider.GetRequiredService<UserAdmin>().CreateUserAsync(StudioUser.System, name, null, password, roles);
        if (!created.Succeeded) throw new InvalidOperationException($"could not create {name}: {created}");
        TestConnections.Release(Provider, ConnectionString);
    }

    /// <summary>Creates the workspace user (all roles) in the workspace database, migrating it if needed. Idempotent.</summary>
    public async Task EnsureUserAsync()
    {
        if (_userCreated) return;
        await using (var sp = IdentityServices())
        {
            await DatabaseInitializer.MigrateAsync(sp);
            await using var scope = sp.CreateAsyncScope();
            var created = await scope.ServiceProvider.GetRequiredService<UserAdmin>()
                .CreateUserAsync(StudioUser.System, UserName, "CLI tester", Password, StudioRoles.All);
            if (!created.Succeeded) throw new InvalidOperationException($"could not create the workspace user: {created}");
        }
        TestConnections.Release(Provider, ConnectionString);
        _userCreated = true;
    }

    /// <summary>Core's data and identity services on the workspace database.</summary>
    public ServiceProvider IdentityServices()
    {
        // The workspace's data folder, as the CLI sees it: audit events written here are keyed with the CLI's key.
        var services = new ServiceCollection().AddStudioTestBase(Provider, ConnectionString, DataPath);
        services.AddStudioData().AddStudioIdentity();
        // And the CLI's chain key, when the test gives its children one (shared with another process on the database).
        if (Environment.TryGetValue("Audit__ChainKey", out var chainKey))
            services.Configure<Core.Audit.AuditOptions>(o => o.ChainKey = chainKey);
        return services.BuildServiceProvider();
    }

    /// <summary>What the child gets: the workspace identity for a data-changing verb (created on first need), then the
    /// test's own <see cref="Environment"/>, which wins.</summary>
    async Task<IReadOnlyDictionary<string, string>> ChildEnvironmentAsync(string[] args)
    {
        var own = Environment.ContainsKey("STUDIO_USER") || Environment.ContainsKey("STUDIO_PASSWORD");
        if (!SignedIn || own || !DataChangingVerbs.Any(v => args.Take(v.Length).SequenceEqual(v))) return Environment;
        await EnsureUserAsync();
        var child = new Dictionary<string, string> { ["STUDIO_USER"] = UserName, ["STUDIO_PASSWORD"] = Password };
        foreach (var (key, value) in Environment) child[key] = value;
        return child;
    }

    /// <summary>Writes a file under the workspace (folders created) and returns its full path.</summary>
    public string WriteFile(string relativePath, string content)
    {
        var path = Path.Combine(Folder, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>A context on the CLI's database, configured exactly as the CLI configures it.</summary>
    public StudioDbContext Db() => new(StudioDatabase.CreateOptions(Provider, ConnectionString));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools(); // pooled connections keep the file open
        try { Directory.Delete(Folder, recursive: true); }
        catch (IOException) { } // a file still held by a killed child on its way out: the OS temp cleaner gets it
    }
}
