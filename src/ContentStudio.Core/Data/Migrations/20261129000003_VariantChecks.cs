using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ContentStudio.Core.Data.Migrations;

/// <summary>Check results on each variant: the gate and score for lists and lanes, the full reports as JSON;
/// the campaign checks' overall report on the run.</summary>
[DbContext(typeof(StudioDbContext))]
[Migration("20261129000003_VariantChecks")]
public sealed class VariantChecks : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.AddColumn<string>("CheckGate", "Variants", nullable: true);
        m.AddColumn<int>("CheckScore", "Variants", nullable: true);
        m.AddColumn<string>("CheckReportJson", "Variants", nullable: true);
        m.AddColumn<string>("CampaignFindingsJson", "Variants", nullable: true);
        m.CreateIndex("IX_Variants_CheckGate", "Variants", "CheckGate");
        m.AddColumn<string>("CampaignReportJson", "GenerationRuns", nullable: true);
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropIndex("IX_Variants_CheckGate", "Variants");
        Drop(m, "GenerationRuns", "CampaignReportJson");
        foreach (var column in new[] { "CampaignFindingsJson", "CheckReportJson", "CheckScore", "CheckGate" }) Drop(m, "Variants", column);
    }

    /// <summary>EF's SQLite provider refuses DropColumn without a model snapshot to rebuild the table from; SQLite
    /// itself has ALTER TABLE ... DROP COLUMN since 3.35, so say it directly there.</summary>
    private static void Drop(MigrationBuilder m, string table, string column)
    {
        if (m.ActiveProvider == "Microsoft.EntityFrameworkCore.Sqlite") m.Sql($"ALTER TABLE \"{table}\" DROP COLUMN \"{column}\";");
        else m.DropColumn(column, table);
    }
}
