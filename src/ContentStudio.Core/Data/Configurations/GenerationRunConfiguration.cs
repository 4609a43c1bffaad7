using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ContentStudio.Core.Campaigns;
using ContentStudio.Core.Generation;

namespace ContentStudio.Core.Data.Configurations;

internal sealed class GenerationRunConfiguration : IEntityTypeConfiguration<GenerationRun>
{
    public void Configure(EntityTypeBuilder<GenerationRun> b)
    {
        b.ToTable("GenerationRuns");
        b.HasKey(r => r.Id);
        b.Property(r => r.Id).ValueGeneratedNever();
        b.Property(r => r.Status).HasConversion<string>().IsRequired();
        b.Property(r => r.CreatedBy).IsRequired();
        b.HasOne<Campaign>().WithMany().HasForeignKey(r => r.CampaignId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(r => r.CampaignId);
        b.HasIndex(r => r.Status);
    }
}
