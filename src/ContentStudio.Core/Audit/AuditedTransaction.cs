using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using ContentStudio.Core.Data;

namespace ContentStudio.Core.Audit;

/// <summary>Runs one unit of work in a fresh context and transaction that commits only if the work returns.
/// If two writers ever claimed the same audit sequence number (the unique index refuses the second), the whole
/// unit is retried from the start with a fresh read, so the chain never forks and nothing is half-applied.</summary>
public static class AuditedTransaction
{
    public const int MaxAttempts = 5;

    public static async Task<T> RunAsync<T>(IDbContextFactory<StudioDbContext> dbFactory, Func<StudioDbContext, Task<T>> work,
        CancellationToken ct = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            try
            {
                var result = await work(db);
                await tx.CommitAsync(ct);
                return result;
            }
            catch (DbUpdateException e) when (attempt < MaxAttempts && IsSequenceClash(e))
            {
                // Disposing the transaction rolls it back; go round again.
            }
        }
    }

    internal static bool IsSequenceClash(DbUpdateException e) => e.InnerException switch
    {
        SqliteException s => s.SqliteErrorCode == 19 && s.Message.Contains("AuditEvents.Sequence", StringComparison.Ordinal),
        PostgresException p => p.SqlState == PostgresErrorCodes.UniqueViolation && p.ConstraintName == "IX_AuditEvents_Sequence",
        _ => false,
    };
}
