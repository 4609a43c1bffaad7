using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ContentStudio.Core.Generation;
using ContentStudio.Core.Review.Queue;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Core.Data.Configurations;

internal sealed class VariantCommentConfiguration : IEntityTypeConfiguration<VariantComment>
{
    public void Configure(EntityTypeBuilder<VariantComment> b)
    {
        b.ToTable("VariantComments");
        b.HasKey(c => c.Id);
        b.Property(c => c.Id).ValueGeneratedNever();
        b.Property(c => c.Author).IsRequired();
        b.Property(c => c.Text).IsRequired();
        b.HasOne<Variant>().WithMany().HasForeignKey(c => c.VariantId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(c => c.VariantId);
    }
}
