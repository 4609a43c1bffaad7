using ContentStudio.Core.Llm.Budgets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContentStudio.Core.Data.Configurations;

internal sealed class UsageLedgerEntryConfiguration : IEntityTypeConfiguration<UsageLedgerEntry>
{
    public void Configure(EntityTypeBuilder<UsageLedgerEntry> b)
    {
        b.ToTable("UsageLedger");
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.UserName).IsRequired();
        b.Property(e => e.Provider).IsRequired();
        b.Property(e => e.Model).IsRequired();
        // The budgets sum one user's or one brand's rows since midnight at every model call.
        b.HasIndex(e => new { e.UserName, e.AtUtc });
        b.HasIndex(e => new { e.BrandSlug, e.AtUtc });
        b.HasIndex(e => e.CampaignId);
    }
}
