using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ContentStudio.Core.Generation;
using ContentStudio.Core.Publishing;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Core.Data.Configurations;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.ToTable("OutboxMessages");
        b.HasKey(m => m.Id);
        b.Property(m => m.Id).ValueGeneratedNever();
        b.Property(m => m.ContentHash).IsRequired();
        b.Property(m => m.PayloadJson).IsRequired();
        b.Property(m => m.Status).HasConversion<string>().IsRequired();
        b.Property(m => m.CreatedBy).IsRequired();
        b.Property(m => m.ConcurrencyToken).IsConcurrencyToken();
        b.HasOne<Variant>().WithMany().HasForeignKey(m => m.VariantId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<PublishTarget>().WithMany().HasForeignKey(m => m.TargetId).OnDelete(DeleteBehavior.Cascade);
        // One approval (variant at one content hash) is published once per target, however often "publish" is pressed.
        b.HasIndex(m => new { m.VariantId, m.TargetId, m.ContentHash }).IsUnique();
        b.HasIndex(m => new { m.Status, m.NextAttemptUtc });
        b.HasIndex(m => m.CampaignId);
    }
}
