using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ContentStudio.Core.Campaigns;

namespace ContentStudio.Core.Data.Configurations;

internal sealed class CampaignConfiguration : IEntityTypeConfiguration<Campaign>
{
    public void Configure(EntityTypeBuilder<Campaign> b)
    {
        b.ToTable("Campaigns");
        b.HasKey(c => c.Id);
        b.Property(c => c.Id).ValueGeneratedNever();
        b.Property(c => c.Name).IsRequired();
        b.Property(c => c.BrandSlug).IsRequired();
        b.Property(c => c.Brief).HasColumnName("BriefJson").HasJsonConversion().IsRequired();
        b.Property(c => c.CreatedBy).IsRequired();
        b.Property(c => c.ConcurrencyToken).IsConcurrencyToken();
        b.HasIndex(c => c.BrandSlug);
        b.HasIndex(c => c.CreatedUtc);
        b.HasIndex(c => new { c.BusinessImpact, c.DeadlineUtc }); // the queue's priority order (migration ReviewQueue)
    }
}
