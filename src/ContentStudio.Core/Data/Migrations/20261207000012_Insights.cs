using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ContentStudio.Core.Data.Migrations;

/// <summary>Insights: results per published variant and send date (unique, so re-imports are idempotent), and the
/// designated control of each campaign's segment × channel experiment. Hand-written and provider-neutral like the
/// others (no column types).</summary>
[DbContext(typeof(StudioDbContext))]
[Migration("20261207000012_Insights")]
public sealed class InsightsTables : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("VariantResults", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            VariantId = t.Column<Guid>(nullable: false),
            CampaignId = t.Column<Guid>(nullable: false),
            SendDate = t.Column<DateTime>(nullable: false),
            Impressions = t.Column<long>(nullable: false),
            Clicks = t.Column<long>(nullable: false),
            Conversions = t.Column<long>(nullable: false),
            RevenueMinor = t.Column<long>(nullable: true),
            Unsubscribes = t.Column<long>(nullable: true),
            Complaints = t.Column<long>(nullable: true),
            ImportedUtc = t.Column<DateTime>(nullable: false),
            ImportedBy = t.Column<string>(nullable: false),
            Source = t.Column<string>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_VariantResults", x => x.Id);
            t.ForeignKey("FK_VariantResults_Variants_VariantId", x => x.VariantId, "Variants", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_VariantResults_VariantId_SendDate", "VariantResults", ["VariantId", "SendDate"], unique: true);
        m.CreateIndex("IX_VariantResults_CampaignId", "VariantResults", "CampaignId");

        m.CreateTable("ExperimentControls", t => new
        {
            CampaignId = t.Column<Guid>(nullable: false),
            SegmentKey = t.Column<string>(nullable: false),
            Channel = t.Column<string>(nullable: false),
            VariantId = t.Column<Guid>(nullable: false),
            DesignatedUtc = t.Column<DateTime>(nullable: false),
            DesignatedBy = t.Column<string>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_ExperimentControls", x => new { x.CampaignId, x.SegmentKey, x.Channel });
            t.ForeignKey("FK_ExperimentControls_Variants_VariantId", x => x.VariantId, "Variants", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_ExperimentControls_VariantId", "ExperimentControls", "VariantId");
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropTable("ExperimentControls");
        m.DropTable("VariantResults");
    }
}
