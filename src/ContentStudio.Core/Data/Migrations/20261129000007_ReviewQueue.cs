using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Core.Data.Migrations;

/// <summary>The curation queue: who holds a variant (claim/release), the indexes the queue's filters and sorts
/// use at 100,000 variants, review comments, and the feedback a change request regenerates with.
/// Hand-written and provider-neutral like the others (no column types).</summary>
[DbContext(typeof(StudioDbContext))]
[Migration("20261129000007_ReviewQueue")]
public sealed class ReviewQueue : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.AddColumn<string>("AssignedTo", "Variants", nullable: true);
        m.AddColumn<DateTime>("ClaimedUtc", "Variants", nullable: true);
        // The queue always filters on the open review states and a lane, and the age sort reads CreatedUtc.
        m.CreateIndex("IX_Variants_ReviewState_CheckGate_CreatedUtc", "Variants", ["ReviewState", "CheckGate", "CreatedUtc"]);
        m.CreateIndex("IX_Variants_CampaignId_ReviewState", "Variants", ["CampaignId", "ReviewState"]);
        // Covers the queue's per-campaign, per-lane counts (tabs, totals and the priority walk) without reading rows.
        m.CreateIndex("IX_Variants_ReviewState_CampaignId_Outcome_CheckGate", "Variants", ["ReviewState", "CampaignId", "Outcome", "CheckGate"]);
        m.CreateIndex("IX_Variants_CreatedUtc", "Variants", "CreatedUtc");
        m.CreateIndex("IX_Variants_AssignedTo", "Variants", "AssignedTo");
        m.CreateIndex("IX_Campaigns_BusinessImpact_DeadlineUtc", "Campaigns", ["BusinessImpact", "DeadlineUtc"]);

        m.AddColumn<string>("Feedback", "GenerationTasks", nullable: true);
        m.AddColumn<Guid>("ParentVariantId", "GenerationTasks", nullable: true);

        m.CreateTable("VariantComments", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            VariantId = t.Column<Guid>(nullable: false),
            Author = t.Column<string>(nullable: false),
            AtUtc = t.Column<DateTime>(nullable: false),
            AuditSequence = t.Column<long>(nullable: false),
            Text = t.Column<string>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_VariantComments", x => x.Id);
            t.ForeignKey("FK_VariantComments_Variants_VariantId", x => x.VariantId, "Variants", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_VariantComments_VariantId", "VariantComments", "VariantId");
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropTable("VariantComments");
        DropColumn(m, "GenerationTasks", "ParentVariantId");
        DropColumn(m, "GenerationTasks", "Feedback");
        m.DropIndex("IX_Campaigns_BusinessImpact_DeadlineUtc", "Campaigns");
        m.DropIndex("IX_Variants_AssignedTo", "Variants");
        m.DropIndex("IX_Variants_CreatedUtc", "Variants");
        m.DropIndex("IX_Variants_ReviewState_CampaignId_Outcome_CheckGate", "Variants");
        m.DropIndex("IX_Variants_CampaignId_ReviewState", "Variants");
        m.DropIndex("IX_Variants_ReviewState_CheckGate_CreatedUtc", "Variants");
        DropColumn(m, "Variants", "ClaimedUtc");
        DropColumn(m, "Variants", "AssignedTo");
    }

    /// <summary>EF's SQLite generator can only drop a column by rebuilding the table from a model, which hand-written
    /// migrations do not carry; SQLite (3.35+) drops a plain column itself, so say it directly there.</summary>
    private void DropColumn(MigrationBuilder m, string table, string column)
    {
        if (ActiveProvider == "Microsoft.EntityFrameworkCore.Sqlite") m.Sql($"ALTER TABLE \"{table}\" DROP COLUMN \"{column}\";");
        else m.DropColumn(column, table);
    }
}
