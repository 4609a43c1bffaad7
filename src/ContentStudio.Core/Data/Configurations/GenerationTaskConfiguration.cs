using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ContentStudio.Core.Generation;

namespace ContentStudio.Core.Data.Configurations;

internal sealed class GenerationTaskConfiguration : IEntityTypeConfiguration<GenerationTask>
{
    public void Configure(EntityTypeBuilder<GenerationTask> b)
    {
        b.ToTable("GenerationTasks");
        b.HasKey(t => t.Id);
        b.Property(t => t.Id).ValueGeneratedNever();
        b.Property(t => t.SegmentKey).IsRequired();
        b.Property(t => t.Channel).HasConversion<string>().IsRequired();
        b.Property(t => t.Status).HasConversion<string>().IsRequired();
        // The column's default filled the rows that existed when migration TaskNotBefore added it; the app always writes it.
        b.Property(t => t.Requeues).HasDefaultValue(0).ValueGeneratedNever();
        b.HasOne<GenerationRun>().WithMany().HasForeignKey(t => t.RunId).OnDelete(DeleteBehavior.Cascade);
        // One task per slot: a run can never be expanded twice into the same work.
        b.HasIndex(t => new { t.RunId, t.SegmentKey, t.Channel, t.VariantIndex }).IsUnique();
        // The claim query's filter.
        b.HasIndex(t => new { t.Status, t.LeaseExpiresUtc });
        // Progress reads the earliest wait of a run's waiting tasks; few tasks have one, so this stays small to walk.
        b.HasIndex(t => new { t.Status, t.NotBeforeUtc });
    }
}
