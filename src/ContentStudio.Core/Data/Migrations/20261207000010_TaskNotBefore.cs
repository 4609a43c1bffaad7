using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ContentStudio.Core.Data.Migrations;

/// <summary>Rate limits and outages are weather, not failure: a task whose model call failed transiently goes back to
/// waiting until NotBeforeUtc instead of ending in NeedsAttention, and Requeues bounds how often that may happen. The
/// index serves the run page's "waiting for the provider until …" (the earliest NotBeforeUtc of waiting tasks).
/// Hand-written and provider-neutral like the others (no column types; existing tasks get 0 and null).</summary>
[DbContext(typeof(StudioDbContext))]
[Migration("20261207000010_TaskNotBefore")]
public sealed class TaskNotBefore : Migration
{
    public const string IndexName = "IX_GenerationTasks_Status_NotBeforeUtc";

    protected override void Up(MigrationBuilder m)
    {
        m.AddColumn<DateTime>("NotBeforeUtc", "GenerationTasks", nullable: true);
        m.AddColumn<int>("Requeues", "GenerationTasks", nullable: false, defaultValue: 0);
        m.CreateIndex(IndexName, "GenerationTasks", ["Status", "NotBeforeUtc"]);
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropIndex(IndexName, "GenerationTasks");
        DropColumn(m, "GenerationTasks", "Requeues");
        DropColumn(m, "GenerationTasks", "NotBeforeUtc");
    }

    /// <summary>EF's SQLite generator can only drop a column by rebuilding the table from a model, which hand-written
    /// migrations do not carry; SQLite (3.35+) drops a plain column itself, so say it directly there.</summary>
    private void DropColumn(MigrationBuilder m, string table, string column)
    {
        if (ActiveProvider == "Microsoft.EntityFrameworkCore.Sqlite") m.Sql($"ALTER TABLE \"{table}\" DROP COLUMN \"{column}\";");
        else m.DropColumn(column, table);
    }
}
