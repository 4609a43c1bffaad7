using System.Data.Common;
using ContentStudio.Core.Configuration;
using ContentStudio.Core.Data;
using ContentStudio.Integration.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ContentStudio.Integration.Tests.Data;

/// <summary>The migrations and the EF model describe the same database (decision 012), on each provider: the model has
/// no change the migrations lack (what <c>dotnet ef migrations has-pending-model-changes</c> checks in CI), and the
/// schema the migrations build, table by table (columns with type, nullability and default; indexes with their columns,
/// uniqueness and filter; keys and foreign keys), is the schema EF creates from the model. The second catches what the
/// first cannot: an index or column a hand-written migration created that the model does not know, or the reverse.</summary>
public abstract class SchemaMatchesModelTests : IAsyncLifetime
{
    readonly List<Action> _cleanups = [];

    protected abstract Task<(DatabaseProvider Provider, string ConnectionString, Action? Cleanup)> NewDatabaseAsync();

    /// <summary>One line per schema fact, sorted, EF's own bookkeeping tables left out.</summary>
    protected abstract string DescribeSql { get; }

    [Fact]
    public async Task TheModelHasNoChangeTheMigrationsLack()
    {
        await using var db = await MigratedAsync();
        db.Database.HasPendingModelChanges().ShouldBeFalse(
            "the model changed since the last migration: add one (README, 'Changing the schema')");
    }

    [Fact]
    public async Task TheMigratedSchemaIsTheSchemaTheModelCreates()
    {
        await using var migrated = await MigratedAsync();
        await using var created = await ContextAsync();
        (await created.Database.EnsureCreatedAsync()).ShouldBeTrue();

        var fromMigrations = await DescribeAsync(migrated);
        var fromModel = await DescribeAsync(created);

        fromModel.Count.ShouldBeGreaterThan(100); // the description reads real tables, not an empty schema
        fromMigrations.Except(fromModel).ShouldBeEmpty("created by the migrations but not in the model");
        fromModel.Except(fromMigrations).ShouldBeEmpty("in the model but never created by the migrations");
    }

    async Task<StudioDbContext> MigratedAsync()
    {
        var db = await ContextAsync();
        await db.Database.MigrateAsync();
        return db;
    }

    async Task<StudioDbContext> ContextAsync()
    {
        var (provider, connectionString, cleanup) = await NewDatabaseAsync();
        if (cleanup is not null) _cleanups.Add(cleanup);
        return new StudioDbContext(StudioDatabase.CreateOptions(provider, connectionString));
    }

    async Task<List<string>> DescribeAsync(StudioDbContext db)
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = DescribeSql;
            await using var reader = await command.ExecuteReaderAsync();
            var lines = new List<string>();
            while (await reader.ReadAsync()) lines.Add(Line(reader));
            return lines.Order(StringComparer.Ordinal).ToList();
        }
        finally { await connection.CloseAsync(); }
    }

    static string Line(DbDataReader row) => string.Join(" | ",
        Enumerable.Range(0, row.FieldCount).Select(i => row.IsDBNull(i) ? "null" : Convert.ToString(row.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)));

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        foreach (var cleanup in _cleanups) cleanup();
        return Task.CompletedTask;
    }
}

public sealed class SqliteSchemaMatchesModelTests : SchemaMatchesModelTests
{
    protected override Task<(DatabaseProvider, string, Action?)> NewDatabaseAsync() =>
        Task.FromResult<(DatabaseProvider, string, Action?)>(TestDatabases.Sqlite());

    // Tables come from sqlite_master, the rest from SQLite's table-valued pragmas.
    protected override string DescribeSql => """
        WITH t AS (SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%' AND name NOT LIKE '__EFMigrations%')
        SELECT 'column', t.name, c.name, c.type, c."notnull", c.dflt_value, c.pk FROM t JOIN pragma_table_info(t.name) c
        UNION ALL
        SELECT 'index', t.name, i.name, i."unique", i.origin, i.partial,
               (SELECT group_concat(name, ',') FROM (SELECT k.name FROM pragma_index_info(i.name) k ORDER BY k.seqno))
          FROM t JOIN pragma_index_list(t.name) i
        UNION ALL
        SELECT 'filter', name, sql, null, null, null, null FROM sqlite_master WHERE type = 'index' AND sql LIKE '% WHERE %'
        UNION ALL
        SELECT 'foreign key', t.name, f."from", f."table", f."to", f.on_delete, f.on_update FROM t JOIN pragma_foreign_key_list(t.name) f
        """;
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresSchemaMatchesModelTests(PostgresServer server) : SchemaMatchesModelTests
{
    protected override Task<(DatabaseProvider, string, Action?)> NewDatabaseAsync() =>
        TestDatabases.PostgresAsync(server, "schema");

    // indexdef and pg_get_constraintdef are PostgreSQL's own normalised definitions (columns, uniqueness, filter, actions).
    protected override string DescribeSql => """
        SELECT 'column', table_name::text, column_name::text, data_type::text, character_maximum_length::text, is_nullable::text,
               column_default::text, is_identity::text
          FROM information_schema.columns WHERE table_schema = 'public' AND table_name NOT LIKE '\_\_EFMigrations%'
        UNION ALL
        SELECT 'index', tablename::text, indexname::text, indexdef, null, null, null, null
          FROM pg_indexes WHERE schemaname = 'public' AND tablename NOT LIKE '\_\_EFMigrations%'
        UNION ALL
        SELECT 'constraint', conrelid::regclass::text, conname::text, pg_get_constraintdef(oid), null, null, null, null
          FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text NOT LIKE '"\_\_EFMigrations%'
        """;
}
