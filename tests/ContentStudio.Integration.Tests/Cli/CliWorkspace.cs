using ContentStudio.Core.Configuration;
using ContentStudio.Core.Data;
using ContentStudio.Integration.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace ContentStudio.Integration.Tests.Cli;

/// <summary>A temp folder the CLI runs in, with its own data folder (so no test touches the repository's data/)
/// and the environment that configures it. Brand guides and prompts are the repository's unless a test points
/// elsewhere. Opens the same database the CLI writes, to check what it left.</summary>
public sealed class CliWorkspace : IDisposable
{
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

    public static string SampleBrief => Path.Combine(CliProcess.RepoRoot, "docs", "samples", "brief-lumen.json");

    public Task<CliResult> RunAsync(params string[] args) => CliProcess.RunAsync(Folder, Environment, Timeout, args);

    public CliProcess Start(params string[] args) => CliProcess.Start(Folder, Environment, args);

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
