using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ContentStudio.Core.Generation;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Core.Data.Configurations;

internal sealed class VariantConfiguration : IEntityTypeConfiguration<Variant>
{
    public void Configure(EntityTypeBuilder<Variant> b)
    {
        b.ToTable("Variants");
        b.HasKey(v => v.Id);
        b.Property(v => v.Id).ValueGeneratedNever();
        b.Property(v => v.SegmentKey).IsRequired();
        b.Property(v => v.Channel).HasConversion<string>().IsRequired();
        b.Property(v => v.Outcome).HasConversion<string>().IsRequired();
        b.Property(v => v.FieldsJson).IsRequired();
        b.Property(v => v.RawOutput).IsRequired();
        b.Property(v => v.ContentHash).IsRequired();
        b.Property(v => v.ReviewState).HasConversion<string>().IsRequired().HasDefaultValue(ReviewState.Generated);
        b.Property(v => v.ConcurrencyToken).IsConcurrencyToken();
        b.Property(v => v.CheckGate).HasConversion<string>();
        b.Ignore(v => v.Fields);
        b.Ignore(v => v.Provenance);
        b.HasOne<GenerationTask>().WithMany().HasForeignKey(v => v.TaskId).OnDelete(DeleteBehavior.Cascade);
        // No task ever yields two variants: the loser of a race hits this and stands down.
        b.HasIndex(v => v.TaskId).IsUnique();
        b.HasIndex(v => v.CampaignId);
        b.HasIndex(v => v.RunId);
        // The queue's oldest-first order within a lane (migration QueueAgeOrder).
        b.HasIndex(v => new { v.ReviewState, v.CheckGate, v.CreatedUtc, v.Id }).HasDatabaseName(Migrations.QueueAgeOrder.IndexName);
        // The review queue's other filters and counts (migration ReviewQueue): a campaign's open variants, the per-campaign
        // per-lane counts read from the index alone, the age sort, who holds a variant, and a lane on its own.
        b.HasIndex(v => new { v.CampaignId, v.ReviewState });
        b.HasIndex(v => new { v.ReviewState, v.CampaignId, v.Outcome, v.CheckGate });
        b.HasIndex(v => v.CreatedUtc);
        b.HasIndex(v => v.AssignedTo);
        b.HasIndex(v => v.CheckGate); // migration VariantChecks
    }
}
