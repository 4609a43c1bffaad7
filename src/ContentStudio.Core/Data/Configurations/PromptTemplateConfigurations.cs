using ContentStudio.Core.TemplateStudio;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContentStudio.Core.Data.Configurations;

internal sealed class PromptTemplateVersionConfiguration : IEntityTypeConfiguration<PromptTemplateVersion>
{
    public void Configure(EntityTypeBuilder<PromptTemplateVersion> b)
    {
        b.ToTable("PromptTemplateVersions");
        b.HasKey(v => v.Id);
        b.Property(v => v.Id).ValueGeneratedNever();
        b.Property(v => v.TemplateName).IsRequired();
        b.Property(v => v.Version).IsRequired();
        b.Property(v => v.FileText).IsRequired();
        b.Property(v => v.CreatedBy).IsRequired();
        b.Property(v => v.Note).IsRequired();
        b.HasIndex(v => new { v.TemplateName, v.Number }).IsUnique();
        b.HasIndex(v => new { v.TemplateName, v.Version }).IsUnique();
    }
}

internal sealed class PromptTemplateReleaseConfiguration : IEntityTypeConfiguration<PromptTemplateRelease>
{
    public void Configure(EntityTypeBuilder<PromptTemplateRelease> b)
    {
        b.ToTable("PromptTemplateReleases");
        b.HasKey(r => r.TemplateName);
        b.Property(r => r.ReleasedBy).IsRequired();
        b.HasOne<PromptTemplateVersion>().WithMany().HasForeignKey(r => r.VersionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PromptReleaseEventConfiguration : IEntityTypeConfiguration<PromptReleaseEvent>
{
    public void Configure(EntityTypeBuilder<PromptReleaseEvent> b)
    {
        b.ToTable("PromptReleaseEvents");
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.Kind).HasConversion<string>().IsRequired();
        b.Property(e => e.User).IsRequired();
        b.HasIndex(e => e.TemplateName);
    }
}

internal sealed class PromptEvaluationConfiguration : IEntityTypeConfiguration<PromptEvaluation>
{
    public void Configure(EntityTypeBuilder<PromptEvaluation> b)
    {
        b.ToTable("PromptEvaluations");
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.Status).HasConversion<string>().IsRequired();
        b.Property(e => e.MetricsJson).IsRequired();
        b.Property(e => e.CasesJson).IsRequired();
        b.Ignore(e => e.Metrics);
        b.Ignore(e => e.Cases);
        b.HasIndex(e => e.VersionId);
    }
}
