using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace ContentStudio.Integration.Tests.Infrastructure;

/// <summary>A throwaway PostgreSQL cluster on loopback for one test run: initdb into a temp folder as the postgres
/// user, pg_ctl start on a free port, one database per test, stopped (-m immediate) and deleted at the end.
/// Missing server binaries fail the tests with a clear message: CI installs them, nothing is skipped.</summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private string _root = "";
    private string _bin = "";
    private string DataDir => Path.Combine(_root, "data");
    public int Port { get; private set; }

    public async Task InitializeAsync()
    {
        _bin = FindBinaries();
        _root = Path.Combine(Path.GetTempPath(), "contentstudio-pg-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(_root);
        if (IsRoot) await RunAsync("chown", ["postgres:postgres", _root]);
        Port = FreePort();
        await RunAsPostgresAsync("initdb", ["-D", DataDir, "-A", "trust", "--no-sync", "-U", "postgres", "-E", "UTF8"]);
        await RunAsPostgresAsync("pg_ctl", ["-D", DataDir, "-l", Path.Combine(_root, "server.log"), "-w", "-o",
            $"-p {Port} -c listen_addresses=127.0.0.1 -k {_root} -c fsync=off -c max_connections=400", "start"]);
    }

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix)
    {
        var name = (new string(prefix.ToLowerInvariant().Where(char.IsLetterOrDigit).Take(30).ToArray()) + "_" +
                    Guid.NewGuid().ToString("N")[..8]);
        await using var admin = new NpgsqlConnection(ConnectionString("postgres") + ";Pooling=false");
        await admin.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
        await command.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Maximum Pool Size=20";

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_bin != "" && Directory.Exists(DataDir))
        {
            try { await RunAsPostgresAsync("pg_ctl", ["-D", DataDir, "-m", "immediate", "-w", "stop"]); }
            catch (Exception e) { Console.Error.WriteLine($"PostgresServer: stop failed: {e.Message}"); }
        }
        if (_root != "" && Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    private static string FindBinaries()
    {
        const string root = "/usr/lib/postgresql";
        var bin = Directory.Exists(root)
            ? Directory.GetDirectories(root)
                .OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0)
                .Select(d => Path.Combine(d, "bin"))
                .FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")))
            : null;
        return bin ?? throw new InvalidOperationException(
            "PostgreSQL server binaries (initdb, pg_ctl) were not found under /usr/lib/postgresql/*/bin. " +
            "Install them (apt-get install -y postgresql) — .ci/run does — the PostgreSQL tests need a real server.");
    }

    private static bool IsRoot => Environment.UserName == "root";

    private Task RunAsPostgresAsync(string tool, string[] args) =>
        IsRoot ? RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(_bin, tool), .. args])
               : RunAsync(Path.Combine(_bin, tool), args);

    private static async Task RunAsync(string file, string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited {process.ExitCode}: {await stderr}{await stdout}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "PostgreSQL";
}
