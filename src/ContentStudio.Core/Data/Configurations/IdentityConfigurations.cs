using ContentStudio.Core.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContentStudio.Core.Data.Configurations;

/// <summary>Identity's tables as migration Identity created them: its names and e-mail columns without the 256-character
/// limit IdentityDbContext declares (the migration left max lengths out so one migration serves both providers, and
/// PostgreSQL made them <c>text</c>). The model says what the database has (decision 012).</summary>
internal sealed class IdentityUserConfiguration : IEntityTypeConfiguration<StudioIdentityUser>
{
    public void Configure(EntityTypeBuilder<StudioIdentityUser> b)
    {
        foreach (var name in new[] { nameof(IdentityUser.UserName), nameof(IdentityUser.NormalizedUserName),
                     nameof(IdentityUser.Email), nameof(IdentityUser.NormalizedEmail) })
            b.Property(name).Metadata.SetMaxLength(null);
    }
}

internal sealed class IdentityRoleConfiguration : IEntityTypeConfiguration<IdentityRole>
{
    public void Configure(EntityTypeBuilder<IdentityRole> b)
    {
        b.Property(r => r.Name).Metadata.SetMaxLength(null);
        b.Property(r => r.NormalizedName).Metadata.SetMaxLength(null);
    }
}
