using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using ContentStudio.Core.Configuration;
using ContentStudio.Core.Data;
using ContentStudio.E2E.Tests.Infrastructure;
using ContentStudio.Web.Hosting;

namespace ContentStudio.E2E.Tests.Hosting;

[Collection(StudioAppCollection.Name)]
public class HealthTests(StudioAppFixture app)
{
    [Theory]
    [InlineData(Health.LivePath)]
    [InlineData(Health.ReadyPath)]
    public async Task HealthEndpointsAnswer200WithoutSigningInOrRedirecting(string path)
    {
        var (anonymous, _) = StudioHttp.NewClient(app);
        var response = await anonymous.GetAsync(path);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.Location.ShouldBeNull();
        (await response.Content.ReadAsStringAsync()).ShouldContain("\"status\":\"Healthy\"");
    }

    [Fact]
    public async Task AMigrationLockLeftByADeadProcessMakesReadyUnhealthyWithTheReason()
    {
        await using var db = new SqliteConnection($"Data Source={Path.Combine(app.DataFolder, StudioDatabase.SqliteFileName)}");
        await db.OpenAsync();
        // The table and row EF Core's SQLite migration lock writes (a killed migrator leaves the row behind).
        await ExecuteAsync(db, """
            CREATE TABLE IF NOT EXISTS "__EFMigrationsLock" ("Id" INTEGER NOT NULL CONSTRAINT "PK___EFMigrationsLock" PRIMARY KEY, "Timestamp" TEXT NOT NULL);
            INSERT INTO "__EFMigrationsLock" ("Id", "Timestamp") VALUES (1, '2020-01-01 00:00:00+00:00');
            """);
        try
        {
            var (anonymous, _) = StudioHttp.NewClient(app);
            var response = await anonymous.GetAsync(Health.ReadyPath);
            response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
            var body = await response.Content.ReadAsStringAsync();
            body.ShouldContain("\"status\":\"Unhealthy\"");
            body.ShouldContain("__EFMigrationsLock");
            (await anonymous.GetAsync(Health.LivePath)).StatusCode.ShouldBe(HttpStatusCode.OK, "the process itself is fine");
        }
        finally
        {
            await ExecuteAsync(db, "DELETE FROM \"__EFMigrationsLock\"");
        }
    }

    [Fact]
    public async Task ADatabaseThatNeverAnswersIsUnhealthyWithinFiveSeconds()
    {
        // A PostgreSQL "server" that accepts the connection and then says nothing: the hang a lost database looks like.
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        var services = new ServiceCollection().AddLogging().AddSingleton(TimeProvider.System);
        services.AddSingleton<IDbContextFactory<StudioDbContext>>(new PooledDbContextFactory<StudioDbContext>(
            StudioDatabase.CreateOptions(DatabaseProvider.PostgreSql, $"Host=127.0.0.1;Port={port};Database=studio;Username=studio")));
        services.AddStudioHealth();
        await using var provider = services.BuildServiceProvider();

        var watch = Stopwatch.StartNew();
        var report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        watch.Stop();

        report.Status.ShouldBe(HealthStatus.Unhealthy);
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5), "Npgsql alone would wait 15 s");
    }

    private static async Task ExecuteAsync(SqliteConnection db, string sql)
    {
        await using var command = db.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
