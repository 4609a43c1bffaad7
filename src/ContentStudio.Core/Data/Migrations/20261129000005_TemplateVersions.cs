using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ContentStudio.Core.Data.Migrations;

/// <summary>Prompt template versions, which one is released (and how it got there), and evaluations of
/// candidate versions. Hand-written without column types, like the others, so it serves both providers.</summary>
[DbContext(typeof(StudioDbContext))]
[Migration("20261129000005_TemplateVersions")]
public sealed class TemplateVersions : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("PromptTemplateVersions", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            TemplateName = t.Column<string>(nullable: false),
            Version = t.Column<string>(nullable: false),
            Number = t.Column<int>(nullable: false),
            FileText = t.Column<string>(nullable: false),
            CreatedUtc = t.Column<DateTime>(nullable: false),
            CreatedBy = t.Column<string>(nullable: false),
            Note = t.Column<string>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_PromptTemplateVersions", x => x.Id));
        m.CreateIndex("IX_PromptTemplateVersions_TemplateName_Number", "PromptTemplateVersions", ["TemplateName", "Number"], unique: true);
        m.CreateIndex("IX_PromptTemplateVersions_TemplateName_Version", "PromptTemplateVersions", ["TemplateName", "Version"], unique: true);

        m.CreateTable("PromptTemplateReleases", t => new
        {
            TemplateName = t.Column<string>(nullable: false),
            VersionId = t.Column<Guid>(nullable: false),
            ReleasedUtc = t.Column<DateTime>(nullable: false),
            ReleasedBy = t.Column<string>(nullable: false),
            Justification = t.Column<string>(nullable: true),
            EvaluationId = t.Column<Guid>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_PromptTemplateReleases", x => x.TemplateName);
            t.ForeignKey("FK_PromptTemplateReleases_PromptTemplateVersions_VersionId", x => x.VersionId, "PromptTemplateVersions", "Id", onDelete: ReferentialAction.Restrict);
        });

        m.CreateTable("PromptReleaseEvents", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            TemplateName = t.Column<string>(nullable: false),
            VersionId = t.Column<Guid>(nullable: false),
            Kind = t.Column<string>(nullable: false),
            Utc = t.Column<DateTime>(nullable: false),
            User = t.Column<string>(nullable: false),
            Justification = t.Column<string>(nullable: true),
            EvaluationId = t.Column<Guid>(nullable: true),
        }, constraints: t => t.PrimaryKey("PK_PromptReleaseEvents", x => x.Id));
        m.CreateIndex("IX_PromptReleaseEvents_TemplateName", "PromptReleaseEvents", "TemplateName");

        m.CreateTable("PromptEvaluations", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            TemplateName = t.Column<string>(nullable: false),
            VersionId = t.Column<Guid>(nullable: false),
            BaselineVersionId = t.Column<Guid>(nullable: true),
            StartedUtc = t.Column<DateTime>(nullable: false),
            FinishedUtc = t.Column<DateTime>(nullable: true),
            Status = t.Column<string>(nullable: false),
            MetricsJson = t.Column<string>(nullable: false),
            CasesJson = t.Column<string>(nullable: false),
            Error = t.Column<string>(nullable: true),
        }, constraints: t => t.PrimaryKey("PK_PromptEvaluations", x => x.Id));
        m.CreateIndex("IX_PromptEvaluations_VersionId", "PromptEvaluations", "VersionId");
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropTable("PromptEvaluations");
        m.DropTable("PromptReleaseEvents");
        m.DropTable("PromptTemplateReleases");
        m.DropTable("PromptTemplateVersions");
    }
}
