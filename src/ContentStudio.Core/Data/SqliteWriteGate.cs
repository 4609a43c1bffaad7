using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ContentStudio.Core.Data;

/// <summary>SQLite lets one writer in at a time, and Microsoft.Data.Sqlite waits for that lock by blocking its thread
/// inside sqlite3 (the busy timeout). With many generation tasks in flight those blocked threads starve the thread
/// pool, so the lock holder's own continuations wait for a thread while it holds the lock: measured at 16 workers, a
/// third of the run went to threads parked in BEGIN IMMEDIATE. Writers of this process therefore queue on an async
/// gate per database file first (transactions, and write commands outside one), and only the gate's holder asks
/// SQLite for the lock. Other processes on the same file still meet the busy timeout, as before. A writer that waits
/// longer than the busy timeout goes ahead without the gate, so a flow that (wrongly) nests two writers fails the way
/// it would without the gate instead of hanging.</summary>
internal sealed class SqliteWriteGate : IDbTransactionInterceptor, IDbCommandInterceptor, IDbConnectionInterceptor
{
    public static readonly SqliteWriteGate Instance = new();
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new(StringComparer.Ordinal);
    // Holders by transaction or command id, with the connection they hold it on (for the release on close).
    readonly ConcurrentDictionary<Guid, (Guid ConnectionId, SemaphoreSlim Gate)> _held = new();

    SemaphoreSlim GateFor(DbConnection connection) =>
        _gates.GetOrAdd((connection as SqliteConnection)?.DataSource ?? connection.ConnectionString, _ => new SemaphoreSlim(1, 1));

    void Enter(DbConnection connection, Guid holder, Guid connectionId)
    {
        var gate = GateFor(connection);
        if (gate.Wait(Patience)) _held[holder] = (connectionId, gate);
    }

    async ValueTask EnterAsync(DbConnection connection, Guid holder, Guid connectionId, CancellationToken ct)
    {
        var gate = GateFor(connection);
        if (await gate.WaitAsync(Patience, ct)) _held[holder] = (connectionId, gate);
    }

    void Exit(Guid holder)
    {
        if (_held.TryRemove(holder, out var held)) held.Gate.Release();
    }

    /// <summary>A transaction disposed without commit or rollback raises no transaction event; its connection's close does.</summary>
    void ExitAll(Guid connectionId)
    {
        foreach (var (holder, held) in _held)
            if (held.ConnectionId == connectionId) Exit(holder);
    }

    public InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        Enter(connection, eventData.TransactionId, eventData.ConnectionId);
        return result;
    }

    public async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData,
        InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        await EnterAsync(connection, eventData.TransactionId, eventData.ConnectionId, cancellationToken);
        return result;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Exit(eventData.TransactionId);
    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Exit(eventData.TransactionId);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Exit(eventData.TransactionId);
    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Exit(eventData.TransactionId);
        return Task.CompletedTask;
    }

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Exit(eventData.TransactionId);
    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Exit(eventData.TransactionId);
        return Task.CompletedTask;
    }

    // Write commands outside a transaction (claims, lease renewals, run status): each is its own short write.
    public InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        if (command.Transaction is null && command.Connection is { } c) Enter(c, eventData.CommandId, eventData.ConnectionId);
        return result;
    }

    public async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (command.Transaction is null && command.Connection is { } c) await EnterAsync(c, eventData.CommandId, eventData.ConnectionId, cancellationToken);
        return result;
    }

    public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Exit(eventData.CommandId);
        return result;
    }

    public ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Exit(eventData.CommandId);
        return ValueTask.FromResult(result);
    }

    public void CommandFailed(DbCommand command, CommandErrorEventData eventData) => Exit(eventData.CommandId);
    public Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Exit(eventData.CommandId);
        return Task.CompletedTask;
    }

    public void CommandCanceled(DbCommand command, CommandEndEventData eventData) => Exit(eventData.CommandId);
    public Task CommandCanceledAsync(DbCommand command, CommandEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Exit(eventData.CommandId);
        return Task.CompletedTask;
    }

    public void ConnectionClosed(DbConnection connection, ConnectionEndEventData eventData) => ExitAll(eventData.ConnectionId);
    public Task ConnectionClosedAsync(DbConnection connection, ConnectionEndEventData eventData)
    {
        ExitAll(eventData.ConnectionId);
        return Task.CompletedTask;
    }

    public void ConnectionDisposed(DbConnection connection, ConnectionEndEventData eventData) => ExitAll(eventData.ConnectionId);
    public Task ConnectionDisposedAsync(DbConnection connection, ConnectionEndEventData eventData)
    {
        ExitAll(eventData.ConnectionId);
        return Task.CompletedTask;
    }
}
