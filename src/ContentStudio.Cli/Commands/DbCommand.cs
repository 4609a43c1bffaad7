using System.CommandLine;
using ContentStudio.Core.Data;

namespace ContentStudio.Cli.Commands;

/// <summary>`studio db migrate`: creates or upgrades the configured database (SQLite file or PostgreSQL).</summary>
internal static class DbCommand
{
    public static Command Build()
    {
        var migrate = new Command("migrate", "Create or upgrade the database configured by Database:Provider and Database:ConnectionString.");
        migrate.SetAction(async (result, ct) =>
        {
            await using var services = CliHost.Build();
            await DatabaseInitializer.MigrateAsync(services, ct);
            Console.WriteLine("database is up to date");
            return ExitCodes.Ok;
        });
        return new Command("db", "Database.") { migrate };
    }
}
