using ContentStudio.Integration.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ContentStudio.Integration.Tests.Cli;

/// <summary>Issue "Studio foundation": a `studio generate` killed mid-run loses nothing and doubles nothing, and
/// `studio generate --resume RUN` finishes it with exactly one variant per task. SQLite here, PostgreSQL below.</summary>
public sealed class CrashSafetyTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(Interruption.KillWhileWriting)]
    [InlineData(Interruption.KillWhileModelCallsHang)]
    public async Task AKilledRunResumesToExactlyOneVariantPerTaskOnSqlite(Interruption interruption)
    {
        using var workspace = CliWorkspace.Sqlite();
        var report = await CrashScenario.RunAsync(workspace, interruption);
        ShouldHaveFinishedCleanly(report);
        output.WriteLine(report.ToString());
    }

    [Fact]
    public async Task ATerminatedRunHandsItsTasksBackAndResumesWithoutWaitingForLeases()
    {
        using var workspace = CliWorkspace.Sqlite();
        var report = await CrashScenario.RunAsync(workspace, Interruption.TerminateWhileModelCallsHang);
        ShouldHaveFinishedCleanly(report);
        report.Resume.StdErr.ShouldNotContain("waiting for", Case.Sensitive, report.ToString());
        output.WriteLine(report.ToString());
    }

    internal static void ShouldHaveFinishedCleanly(CrashReport report)
    {
        report.Resume.ExitCode.ShouldBe(0, report.ToString());
        report.Resume.StdOut.ShouldContain($"{report.Total} variants written, 0 need attention, 0 cancelled, of {report.Total}", Case.Sensitive, report.ToString());
        report.VariantsAfterResume.ShouldBe(report.Total);
    }
}

/// <summary>The same kill and resume on PostgreSQL, where claims use FOR UPDATE SKIP LOCKED.</summary>
[Collection(PostgresCollection.Name)]
public sealed class CrashSafetyOnPostgresTests(PostgresServer postgres, ITestOutputHelper output)
{
    [Fact]
    public async Task AKilledRunResumesToExactlyOneVariantPerTaskOnPostgres()
    {
        using var workspace = CliWorkspace.Postgres(await postgres.CreateDatabaseAsync("cli_crash"));
        var report = await CrashScenario.RunAsync(workspace, Interruption.KillWhileModelCallsHang);
        CrashSafetyTests.ShouldHaveFinishedCleanly(report);
        output.WriteLine(report.ToString());
    }
}
