using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Core.Data.Migrations;

/// <summary>Hand-written (EF's design-time tools cannot run here). No column <c>type:</c> anywhere, so each
/// provider maps the CLR types itself and one migration serves SQLite and PostgreSQL.</summary>
[DbContext(typeof(StudioDbContext))]
[Migration("20261129000001_Initial")]
public sealed class Initial : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("Campaigns", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Name = t.Column<string>(nullable: false),
            BrandSlug = t.Column<string>(nullable: false),
            BriefJson = t.Column<string>(nullable: false),
            BusinessImpact = t.Column<int>(nullable: false),
            DeadlineUtc = t.Column<DateTime>(nullable: true),
            CreatedUtc = t.Column<DateTime>(nullable: false),
            CreatedBy = t.Column<string>(nullable: false),
            ConcurrencyToken = t.Column<Guid>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_Campaigns", x => x.Id));
        m.CreateIndex("IX_Campaigns_BrandSlug", "Campaigns", "BrandSlug");
        m.CreateIndex("IX_Campaigns_CreatedUtc", "Campaigns", "CreatedUtc");

        m.CreateTable("Segments", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            BrandSlug = t.Column<string>(nullable: false),
            Key = t.Column<string>(nullable: false),
            Name = t.Column<string>(nullable: false),
            Description = t.Column<string>(nullable: false),
            AgeBand = t.Column<string>(nullable: false),
            Locale = t.Column<string>(nullable: false),
            LifecycleStage = t.Column<string>(nullable: false),
            InterestsJson = t.Column<string>(nullable: false),
            PainPointsJson = t.Column<string>(nullable: false),
            AttributesJson = t.Column<string>(nullable: false),
            ProtectedAttributesJson = t.Column<string>(nullable: false),
            ToneAdjustment = t.Column<string>(nullable: false),
            UpdatedUtc = t.Column<DateTime>(nullable: false),
            ConcurrencyToken = t.Column<Guid>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_Segments", x => x.Id));
        m.CreateIndex("IX_Segments_BrandSlug_Key", "Segments", ["BrandSlug", "Key"], unique: true);

        m.CreateTable("GenerationRuns", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            CampaignId = t.Column<Guid>(nullable: false),
            Status = t.Column<string>(nullable: false),
            TotalTasks = t.Column<int>(nullable: false),
            DoneTasks = t.Column<int>(nullable: false),
            NeedsAttentionTasks = t.Column<int>(nullable: false),
            CancelledTasks = t.Column<int>(nullable: false),
            CancelRequested = t.Column<bool>(nullable: false),
            CreatedBy = t.Column<string>(nullable: false),
            CreatedUtc = t.Column<DateTime>(nullable: false),
            StartedUtc = t.Column<DateTime>(nullable: true),
            FinishedUtc = t.Column<DateTime>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_GenerationRuns", x => x.Id);
            t.ForeignKey("FK_GenerationRuns_Campaigns_CampaignId", x => x.CampaignId, "Campaigns", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_GenerationRuns_CampaignId", "GenerationRuns", "CampaignId");
        m.CreateIndex("IX_GenerationRuns_Status", "GenerationRuns", "Status");

        m.CreateTable("GenerationTasks", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            RunId = t.Column<Guid>(nullable: false),
            Ordinal = t.Column<int>(nullable: false),
            SegmentKey = t.Column<string>(nullable: false),
            Channel = t.Column<string>(nullable: false),
            VariantIndex = t.Column<int>(nullable: false),
            Seed = t.Column<int>(nullable: false),
            Status = t.Column<string>(nullable: false),
            LeaseOwner = t.Column<string>(nullable: true),
            LeaseExpiresUtc = t.Column<DateTime>(nullable: true),
            Attempts = t.Column<int>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_GenerationTasks", x => x.Id);
            t.ForeignKey("FK_GenerationTasks_GenerationRuns_RunId", x => x.RunId, "GenerationRuns", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_GenerationTasks_RunId_SegmentKey_Channel_VariantIndex", "GenerationTasks",
            ["RunId", "SegmentKey", "Channel", "VariantIndex"], unique: true);
        m.CreateIndex("IX_GenerationTasks_Status_LeaseExpiresUtc", "GenerationTasks", ["Status", "LeaseExpiresUtc"]);

        m.CreateTable("Variants", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            TaskId = t.Column<Guid>(nullable: false),
            CampaignId = t.Column<Guid>(nullable: false),
            RunId = t.Column<Guid>(nullable: false),
            SegmentKey = t.Column<string>(nullable: false),
            Channel = t.Column<string>(nullable: false),
            VariantIndex = t.Column<int>(nullable: false),
            FieldsJson = t.Column<string>(nullable: false),
            RawOutput = t.Column<string>(nullable: false),
            Outcome = t.Column<string>(nullable: false),
            Problem = t.Column<string>(nullable: true),
            TemplateName = t.Column<string>(nullable: false),
            TemplateVersion = t.Column<string>(nullable: false),
            Provider = t.Column<string>(nullable: false),
            Model = t.Column<string>(nullable: false),
            PromptHash = t.Column<string>(nullable: false),
            InputTokens = t.Column<int>(nullable: false),
            OutputTokens = t.Column<int>(nullable: false),
            LatencyMs = t.Column<long>(nullable: false),
            Attempts = t.Column<int>(nullable: false),
            ContentHash = t.Column<string>(nullable: false),
            ReviewState = t.Column<string>(nullable: false, defaultValue: "Generated"),
            CreatedUtc = t.Column<DateTime>(nullable: false),
            ConcurrencyToken = t.Column<Guid>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_Variants", x => x.Id);
            t.ForeignKey("FK_Variants_GenerationTasks_TaskId", x => x.TaskId, "GenerationTasks", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_Variants_TaskId", "Variants", "TaskId", unique: true);
        m.CreateIndex("IX_Variants_CampaignId", "Variants", "CampaignId");
        m.CreateIndex("IX_Variants_RunId", "Variants", "RunId");
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropTable("Variants");
        m.DropTable("GenerationTasks");
        m.DropTable("GenerationRuns");
        m.DropTable("Segments");
        m.DropTable("Campaigns");
    }
}
