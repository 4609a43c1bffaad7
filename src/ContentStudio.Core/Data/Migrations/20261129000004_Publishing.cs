using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ContentStudio.Core.Data.Migrations;

/// <summary>Publish targets and the transactional outbox of publications (no column types: one migration for both providers).</summary>
[DbContext(typeof(StudioDbContext))]
[Migration("20261129000004_Publishing")]
public sealed class PublishingOutbox : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("PublishTargets", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Name = t.Column<string>(nullable: false),
            Kind = t.Column<string>(nullable: false),
            FolderPath = t.Column<string>(nullable: true),
            Url = t.Column<string>(nullable: true),
            Enabled = t.Column<bool>(nullable: false),
            CreatedUtc = t.Column<DateTime>(nullable: false),
            CreatedBy = t.Column<string>(nullable: false),
            ConcurrencyToken = t.Column<Guid>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_PublishTargets", x => x.Id));
        m.CreateIndex("IX_PublishTargets_Name", "PublishTargets", "Name", unique: true);

        m.CreateTable("OutboxMessages", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            VariantId = t.Column<Guid>(nullable: false),
            TargetId = t.Column<Guid>(nullable: false),
            CampaignId = t.Column<Guid>(nullable: false),
            ContentHash = t.Column<string>(nullable: false),
            PayloadJson = t.Column<string>(nullable: false),
            Status = t.Column<string>(nullable: false),
            Attempts = t.Column<int>(nullable: false),
            NextAttemptUtc = t.Column<DateTime>(nullable: false),
            LeaseOwner = t.Column<string>(nullable: true),
            LeaseExpiresUtc = t.Column<DateTime>(nullable: true),
            LastError = t.Column<string>(nullable: true),
            SentUtc = t.Column<DateTime>(nullable: true),
            ReceiptJson = t.Column<string>(nullable: true),
            CreatedUtc = t.Column<DateTime>(nullable: false),
            CreatedBy = t.Column<string>(nullable: false),
            ConcurrencyToken = t.Column<Guid>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_OutboxMessages", x => x.Id);
            t.ForeignKey("FK_OutboxMessages_Variants_VariantId", x => x.VariantId, "Variants", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_OutboxMessages_PublishTargets_TargetId", x => x.TargetId, "PublishTargets", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_OutboxMessages_VariantId_TargetId_ContentHash", "OutboxMessages", ["VariantId", "TargetId", "ContentHash"], unique: true);
        m.CreateIndex("IX_OutboxMessages_Status_NextAttemptUtc", "OutboxMessages", ["Status", "NextAttemptUtc"]);
        m.CreateIndex("IX_OutboxMessages_CampaignId", "OutboxMessages", "CampaignId");
        m.CreateIndex("IX_OutboxMessages_TargetId", "OutboxMessages", "TargetId");
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropTable("OutboxMessages");
        m.DropTable("PublishTargets");
    }
}
