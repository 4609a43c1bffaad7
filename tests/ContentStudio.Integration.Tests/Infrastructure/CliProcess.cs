using System.Diagnostics;
using System.Text;

namespace ContentStudio.Integration.Tests.Infrastructure;

/// <summary>What a finished `studio` invocation left behind.</summary>
public sealed record CliResult(int ExitCode, string StdOut, string StdErr)
{
    /// <summary>Everything, for assertion messages: a failing test shows what the CLI said.</summary>
    public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{StdOut}\n--- stderr ---\n{StdErr}";
}

/// <summary>The built `studio` CLI run as a real child process (`dotnet studio.dll ...`) with a working folder and
/// environment chosen by the test, output captured as it comes. Configuration the test runner happens to have in its
/// own environment (Studio__*, Database__*, Llm__*, Generation__*, Audit__*, and the STUDIO_USER / STUDIO_PASSWORD /
/// STUDIO_NEW_PASSWORD identity) is not passed on: each test states its own.</summary>
public sealed class CliProcess : IDisposable
{
    static readonly string[] OwnedPrefixes =
        ["Studio__", "Database__", "Llm__", "Generation__", "Checks__", "Logging__", "Audit__", "STUDIO_USER", "STUDIO_PASSWORD", "STUDIO_NEW_PASSWORD"];

    readonly Process _process;
    readonly StringBuilder _out = new();
    readonly StringBuilder _err = new();
    readonly Lock _gate = new();
    readonly TaskCompletionSource _outClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    readonly TaskCompletionSource _errClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    CliProcess(Process process) => _process = process;

    /// <summary>studio.dll: copied next to this test assembly (the project references the CLI), else the CLI's own output.</summary>
    public static string StudioDll { get; } = FindStudioDll();

    /// <summary>The repository root (the folder holding ContentStudio.sln).</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    public int Id => _process.Id;
    public bool HasExited => _process.HasExited;

    public string StdOut { get { lock (_gate) return _out.ToString(); } }
    public string StdErr { get { lock (_gate) return _err.ToString(); } }

    /// <summary>Starts `dotnet studio.dll args` in <paramref name="workingDirectory"/>.</summary>
    public static CliProcess Start(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(StudioDll);
        foreach (var a in args) start.ArgumentList.Add(a);
        foreach (var key in start.Environment.Keys.Where(k => OwnedPrefixes.Any(p => k.StartsWith(p, StringComparison.OrdinalIgnoreCase))).ToList())
            start.Environment.Remove(key);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in environment) start.Environment[key] = value;

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var cli = new CliProcess(process);
        process.OutputDataReceived += (_, e) => cli.Append(cli._out, cli._outClosed, e.Data);
        process.ErrorDataReceived += (_, e) => cli.Append(cli._err, cli._errClosed, e.Data);
        if (!process.Start()) throw new InvalidOperationException($"Could not start {start.FileName} {StudioDll}");
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return cli;
    }

    /// <summary>Runs to the end; a CLI still running after <paramref name="timeout"/> is killed and the test fails.</summary>
    public static async Task<CliResult> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string> environment,
        TimeSpan timeout, params string[] args)
    {
        using var cli = Start(workingDirectory, environment, args);
        return await cli.WaitAsync(timeout);
    }

    /// <summary>Waits for exit and for both output streams to be read to the end.</summary>
    public async Task<CliResult> WaitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
            await Task.WhenAll(_outClosed.Task, _errClosed.Task).WaitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
            throw new TimeoutException($"studio {string.Join(' ', _process.StartInfo.ArgumentList.Skip(1))} did not finish within {timeout}:\n" +
                                       new CliResult(-1, StdOut, StdErr));
        }
        return new CliResult(_process.ExitCode, StdOut, StdErr);
    }

    /// <summary>Hard kill, no chance to clean up (SIGKILL to the whole tree), then waits until it is really gone.</summary>
    public void Kill()
    {
        try { _process.Kill(entireProcessTree: true); }
        catch (InvalidOperationException) { } // already exited
        _process.WaitForExit(30_000);
        Task.WhenAll(_outClosed.Task, _errClosed.Task).Wait(TimeSpan.FromSeconds(10)); // what it printed before dying
    }

    /// <summary>Asks the process to stop (SIGTERM, what `docker stop` and systemd send) and lets it clean up.</summary>
    public void Terminate()
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-s", "TERM", _process.Id.ToString()]) { UseShellExecute = false })
            ?? throw new InvalidOperationException("Could not run kill");
        kill.WaitForExit();
        if (kill.ExitCode != 0 && !_process.HasExited) throw new InvalidOperationException($"kill -s TERM {_process.Id} exited {kill.ExitCode}");
    }

    void Append(StringBuilder buffer, TaskCompletionSource closed, string? line)
    {
        if (line is null) { closed.TrySetResult(); return; }
        lock (_gate) buffer.AppendLine(line);
    }

    public void Dispose()
    {
        if (!_process.HasExited) Kill();
        _process.Dispose();
    }

    /// <summary>The dotnet host running these tests (`dotnet test` exports it), so the CLI runs on the same runtime.</summary>
    static string DotnetHost()
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(host) && File.Exists(host)) return host;
        var current = Environment.ProcessPath;
        return current is not null && Path.GetFileNameWithoutExtension(current) == "dotnet" ? current : "dotnet";
    }

    static string FindStudioDll()
    {
        var beside = Path.Combine(AppContext.BaseDirectory, "studio.dll");
        if (File.Exists(beside)) return beside;
        var baseDir = new DirectoryInfo(AppContext.BaseDirectory);
        var configuration = baseDir.Parent?.Name ?? "Debug"; // bin/<configuration>/net10.0/
        var built = Path.Combine(FindRepoRoot(), "src", "ContentStudio.Cli", "bin", configuration, baseDir.Name, "studio.dll");
        return File.Exists(built) ? built
            : throw new FileNotFoundException($"studio.dll was found neither in {AppContext.BaseDirectory} nor at {built}; build src/ContentStudio.Cli first");
    }

    static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ContentStudio.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException($"ContentStudio.sln not found above {AppContext.BaseDirectory}");
    }
}
