using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace ContentStudio.Integration.Tests.Identity;

/// <summary>`studio users` as an operator runs it: the built CLI in its own process, on a fresh SQLite file,
/// with no terminal (so the password must come from STUDIO_PASSWORD).</summary>
public sealed class UsersCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cs-cli-users-").FullName;

    [Fact]
    public async Task AddsAUserWithThePasswordFromTheEnvironmentAndListsIt()
    {
        var add = await StudioAsync("Correct-horse-9", "users", "add", "--name", "lena", "--role", "marketer", "--role", "BrandManager", "--display-name", "Lena L");
        add.ExitCode.ShouldBe(0, add.Output);
        add.Output.ShouldContain("added lena (Marketer, BrandManager)");

        var list = await StudioAsync(null, "users", "list");
        list.ExitCode.ShouldBe(0, list.Output);
        list.Output.ShouldContain("lena\tLena L\tMarketer,BrandManager");
    }

    [Fact]
    public async Task InvalidInputExits2AndSaysWhatToFix()
    {
        var result = await StudioAsync("short", "users", "add", "--name", "sam", "--role", "Boss");
        result.ExitCode.ShouldBe(2);
        result.Output.ShouldContain("--role: Unknown role 'Boss'");
        result.Output.ShouldContain("password (STUDIO_PASSWORD or the prompt): Passwords must be at least 10 characters");
        (await StudioAsync(null, "users", "list")).Output.ShouldNotContain("sam");
    }

    [Fact]
    public async Task WithoutAPasswordAndWithoutATerminalItRefusesWithExit2()
    {
        var result = await StudioAsync(null, "users", "add", "--name", "sam", "--role", "Marketer");
        result.ExitCode.ShouldBe(2);
        result.Output.ShouldContain("set the STUDIO_PASSWORD environment variable");
    }

    private async Task<(int ExitCode, string Output)> StudioAsync(string? password, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = _folder, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "studio.dll"));
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["Studio__DataPath"] = Path.Combine(_folder, "data");
        start.Environment["STUDIO_PASSWORD"] = password ?? "";
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));
        return (process.ExitCode, await stdout + await stderr);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
