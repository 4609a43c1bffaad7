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
        m.DropColumn("CampaignReportJson", "GenerationRuns");
        m.DropIndex("IX_Variants_CheckGate", "Variants");
        m.DropColumn("CampaignFindingsJson", "Variants");
        m.DropColumn("CheckReportJson", "Variants");
        m.DropColumn("CheckScore", "Variants");
        m.DropColumn("CheckGate", "Variants");
    }
}
