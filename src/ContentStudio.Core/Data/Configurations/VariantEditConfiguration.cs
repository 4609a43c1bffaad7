using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ContentStudio.Core.Generation;
using ContentStudio.Core.Review;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Core.Data.Configurations;

internal sealed class VariantEditConfiguration : IEntityTypeConfiguration<VariantEdit>
{
    public void Configure(EntityTypeBuilder<VariantEdit> b)
    {
        b.ToTable("VariantEdits");
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.EditedBy).IsRequired();
        b.Property(e => e.BeforeJson).IsRequired();
        b.Property(e => e.AfterJson).IsRequired();
        b.Property(e => e.BeforeHash).IsRequired();
        b.Property(e => e.AfterHash).IsRequired();
        b.HasOne<Variant>().WithMany().HasForeignKey(e => e.VariantId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(e => e.VariantId);
    }
}
