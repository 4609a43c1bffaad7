using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ContentStudio.Core.Publishing;

namespace ContentStudio.Core.Data.Configurations;

internal sealed class PublishTargetConfiguration : IEntityTypeConfiguration<PublishTarget>
{
    public void Configure(EntityTypeBuilder<PublishTarget> b)
    {
        b.ToTable("PublishTargets");
        b.HasKey(t => t.Id);
        b.Property(t => t.Id).ValueGeneratedNever();
        b.Property(t => t.Name).IsRequired();
        b.Property(t => t.Kind).HasConversion<string>().IsRequired();
        b.Property(t => t.CreatedBy).IsRequired();
        b.Property(t => t.ConcurrencyToken).IsConcurrencyToken();
        b.Ignore(t => t.SecretKey);
        b.HasIndex(t => t.Name).IsUnique();
    }
}
