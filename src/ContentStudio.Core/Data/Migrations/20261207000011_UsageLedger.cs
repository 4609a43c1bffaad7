using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ContentStudio.Core.Data.Migrations;

/// <summary>Spend limits: a row per model call (who, for which campaign and brand, which model, tokens in and out, the
/// cost estimate, when), so the daily token budgets survive restarts and every instance sharing the database counts the
/// same use. No foreign keys on purpose: usage is a record of money spent and outlives the campaigns it was spent on.
/// Hand-written and provider-neutral like the others (no column types).</summary>
[DbContext(typeof(StudioDbContext))]
[Migration("20261207000011_UsageLedger")]
public sealed class UsageLedger : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("UsageLedger", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            AtUtc = t.Column<DateTime>(nullable: false),
            UserName = t.Column<string>(nullable: false),
            CampaignId = t.Column<Guid>(nullable: true),
            BrandSlug = t.Column<string>(nullable: true),
            Provider = t.Column<string>(nullable: false),
            Model = t.Column<string>(nullable: false),
            InputTokens = t.Column<long>(nullable: false),
            OutputTokens = t.Column<long>(nullable: false),
            CostEstimate = t.Column<double>(nullable: false),
            LatencyMilliseconds = t.Column<long>(nullable: false),
            Succeeded = t.Column<bool>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_UsageLedger", x => x.Id));
        m.CreateIndex("IX_UsageLedger_UserName_AtUtc", "UsageLedger", ["UserName", "AtUtc"]);
        m.CreateIndex("IX_UsageLedger_BrandSlug_AtUtc", "UsageLedger", ["BrandSlug", "AtUtc"]);
        m.CreateIndex("IX_UsageLedger_CampaignId", "UsageLedger", "CampaignId");
    }

    protected override void Down(MigrationBuilder m) => m.DropTable("UsageLedger");
}
