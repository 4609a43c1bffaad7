using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContentStudio.Core.Data.Configurations;

internal sealed class SegmentRecordConfiguration : IEntityTypeConfiguration<SegmentRecord>
{
    public void Configure(EntityTypeBuilder<SegmentRecord> b)
    {
        b.ToTable("Segments");
        b.HasKey(s => s.Id);
        b.Property(s => s.Id).ValueGeneratedNever();
        b.Property(s => s.BrandSlug).IsRequired();
        b.Property(s => s.Key).IsRequired();
        b.Property(s => s.Name).IsRequired();
        b.Property(s => s.Interests).HasColumnName("InterestsJson").HasJsonConversion().IsRequired();
        b.Property(s => s.PainPoints).HasColumnName("PainPointsJson").HasJsonConversion().IsRequired();
        b.Property(s => s.Attributes).HasColumnName("AttributesJson").HasJsonConversion().IsRequired();
        b.Property(s => s.ProtectedAttributes).HasColumnName("ProtectedAttributesJson").HasJsonConversion().IsRequired();
        b.Property(s => s.ConcurrencyToken).IsConcurrencyToken();
        b.HasIndex(s => new { s.BrandSlug, s.Key }).IsUnique();
    }
}
