using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ContentStudio.Core.Audit;

namespace ContentStudio.Core.Data.Configurations;

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> b)
    {
        b.ToTable("AuditEvents");
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.Actor).IsRequired();
        b.Property(e => e.Action).IsRequired();
        b.Property(e => e.EntityType).IsRequired();
        b.Property(e => e.EntityId).IsRequired();
        b.Property(e => e.DataJson).IsRequired();
        b.Property(e => e.PreviousHash).IsRequired();
        b.Property(e => e.Hash).IsRequired();
        // The column's default filled the rows that existed when migration AuditChainKey added it; the app always writes it.
        b.Property(e => e.ChainVersion).HasDefaultValue(0).ValueGeneratedNever();
        // Two appends that read the same last event collide here instead of forking the chain.
        b.HasIndex(e => e.Sequence).IsUnique();
        b.HasIndex(e => new { e.EntityType, e.EntityId });
    }
}
