using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ContentStudio.Core.Insights.Experiments;
using ContentStudio.Core.Insights.Results;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Core.Data.Configurations;

internal sealed class VariantResultConfiguration : IEntityTypeConfiguration<VariantResult>
{
    public void Configure(EntityTypeBuilder<VariantResult> b)
    {
        b.ToTable("VariantResults");
        b.HasKey(r => r.Id);
        b.Property(r => r.Id).ValueGeneratedNever();
        b.Property(r => r.ImportedBy).IsRequired();
        b.Property(r => r.Source).IsRequired();
        b.HasOne<Variant>().WithMany().HasForeignKey(r => r.VariantId).OnDelete(DeleteBehavior.Cascade);
        // One row per variant and send date: what makes a re-import idempotent.
        b.HasIndex(r => new { r.VariantId, r.SendDate }).IsUnique();
        b.HasIndex(r => r.CampaignId);
    }
}

internal sealed class ExperimentControlConfiguration : IEntityTypeConfiguration<ExperimentControl>
{
    public void Configure(EntityTypeBuilder<ExperimentControl> b)
    {
        b.ToTable("ExperimentControls");
        b.HasKey(c => new { c.CampaignId, c.SegmentKey, c.Channel });
        b.Property(c => c.DesignatedBy).IsRequired();
        b.HasOne<Variant>().WithMany().HasForeignKey(c => c.VariantId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(c => c.VariantId);
    }
}
