using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ContentStudio.Core.Generation;
using ContentStudio.Core.Review;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Core.Data.Configurations;

internal sealed class ReviewDecisionConfiguration : IEntityTypeConfiguration<ReviewDecision>
{
    public void Configure(EntityTypeBuilder<ReviewDecision> b)
    {
        b.ToTable("ReviewDecisions");
        b.HasKey(d => d.Id);
        b.Property(d => d.Id).ValueGeneratedNever();
        b.Property(d => d.Action).HasConversion<string>().IsRequired();
        b.Property(d => d.DecidedBy).IsRequired();
        b.Property(d => d.ContentHash).IsRequired();
        b.HasOne<Variant>().WithMany().HasForeignKey(d => d.VariantId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(d => d.VariantId);
    }
}
