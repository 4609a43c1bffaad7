using System.Data.Common;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using ContentStudio.Core.Data;

namespace ContentStudio.Web.Hosting;

/// <summary>/healthz/live (the process answers) and /healthz/ready (it can reach its database). Both are anonymous,
/// because load balancers and orchestrators do not sign in, and neither calls a model: a slow or paid provider must
/// not take instances out of rotation or cost money every few seconds.</summary>
public static class Health
{
    public const string LivePath = "/healthz/live";
    public const string ReadyPath = "/healthz/ready";
    private const string ReadyTag = "ready";

    /// <summary>Short enough that losing PostgreSQL reports Unhealthy well within 5 s (Npgsql's own connect timeout is 15 s).</summary>
    public static readonly TimeSpan DatabaseTimeout = TimeSpan.FromSeconds(3);

    public static IServiceCollection AddStudioHealth(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", HealthStatus.Unhealthy, [ReadyTag], DatabaseTimeout);
        return services;
    }

    public static IEndpointRouteBuilder MapStudioHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync }).AllowAnonymous();
        app.MapHealthChecks(ReadyPath, new HealthCheckOptions { Predicate = r => r.Tags.Contains(ReadyTag), ResponseWriter = WriteAsync })
            .AllowAnonymous();
        return app;
    }

    /// <summary>Status per check with its reason, so an operator sees why without reading logs; no exception text.</summary>
    private static Task WriteAsync(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json; charset=utf-8";
        return JsonSerializer.SerializeAsync(http.Response.Body, new
        {
            status = report.Status.ToString(),
            durationMs = (int)report.TotalDuration.TotalMilliseconds,
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        }, JsonSerializerOptions.Web, http.RequestAborted);
    }
}

/// <summary>Opens a connection and runs a trivial query. On SQLite it also looks for EF Core's migration lock row: a
/// process killed while migrating leaves it behind, and the next start then waits for it forever.</summary>
public sealed class DatabaseHealthCheck(IDbContextFactory<StudioDbContext> factory, TimeProvider clock) : IHealthCheck
{
    /// <summary>A lock younger than this is most likely a migration in progress (another instance, the CLI).</summary>
    public static readonly TimeSpan StaleLockAge = TimeSpan.FromMinutes(5);

    /// <summary>The token carries the registration's timeout, but Npgsql does not give up a connection attempt on it (a
    /// server that accepts and then says nothing holds it for Npgsql's own 15 s), so the wait itself is cut at the
    /// token; the abandoned attempt ends on its own.</summary>
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default) =>
        CheckAsync(ct).WaitAsync(ct);

    private async Task<HealthCheckResult> CheckAsync(CancellationToken ct)
    {
        try
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            var connection = db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync(ct);
            await ScalarAsync(connection, "SELECT 1", ct);
            if (db.Database.IsSqlite() && await MigrationLockAsync(connection, ct) is { } since)
            {
                var age = clock.GetUtcNow() - since;
                var message = $"EF Core's migration lock row in __EFMigrationsLock has been held since {since:u} ({(int)age.TotalSeconds} s).";
                return age > StaleLockAge
                    ? HealthCheckResult.Unhealthy(message + " A process probably died while migrating: the next start will wait for it " +
                                                  "forever. Delete the row once no migration is running.")
                    : HealthCheckResult.Degraded(message + " A migration is probably running.");
            }
            return HealthCheckResult.Healthy("The database answers.");
        }
        catch (Exception e) when (e is not OperationCanceledException) // a timeout is reported by the health check service
        {
            // The type is enough to tell "refused" from "timed out"; the message can carry host names and is logged instead.
            return HealthCheckResult.Unhealthy($"The database does not answer ({e.GetType().Name}).", e);
        }
    }

    private static async Task<object?> ScalarAsync(DbConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(ct);
    }

    private static async Task<DateTimeOffset?> MigrationLockAsync(DbConnection connection, CancellationToken ct)
    {
        if (Convert.ToInt64(await ScalarAsync(connection, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsLock'", ct)) == 0)
            return null;
        return await ScalarAsync(connection, "SELECT \"Timestamp\" FROM \"__EFMigrationsLock\" LIMIT 1", ct) switch
        {
            null or DBNull => null,
            var value when DateTimeOffset.TryParse(value.ToString(), System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.AssumeUniversal, out var at) => at,
            _ => DateTimeOffset.MinValue, // unreadable: treat as stale rather than hide it
        };
    }
}
