using ContentStudio.Integration.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ContentStudio.Integration.Tests.Cli;

/// <summary>Issue "Studio foundation": a `studio generate` killed mid-run loses nothing and doubles nothing, and
/// `studio generate --resume RUN` finishes it with exactly one variant per task. SQLite here, PostgreSQL below.</summary>
public sealed class CrashSafetyTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(KillPoint.WhileWriting)]
    [InlineData(KillPoint.WhileModelCallsHang)]
    public async Task AKilledRunResumesToExactlyOneVariantPerTaskOnSqlite(KillPoint killPoint)
    {
        using var workspace = CliWorkspace.Sqlite();
        var report = await CrashScenario.RunAsync(workspace, killPoint);
        ShouldHaveFinishedCleanly(report);
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
        var report = await CrashScenario.RunAsync(workspace, KillPoint.WhileModelCallsHang);
        CrashSafetyTests.ShouldHaveFinishedCleanly(report);
        output.WriteLine(report.ToString());
    }
}
