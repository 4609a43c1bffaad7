using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using ContentStudio.Core.Audit;
using ContentStudio.Core.Campaigns;
using ContentStudio.Core.Generation;
using ContentStudio.Core.Identity;
using ContentStudio.Core.Review;
using ContentStudio.Core.TemplateStudio;
using ContentStudio.Core.Publishing;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Core.Data;

/// <summary>The one DbContext. Entity shapes live in Configurations/, one small class per entity.
/// Use it through IDbContextFactory: a context per operation, never one per Blazor circuit. It is also Identity's
/// store (users, roles, claims), so accounts and content share one database and one migration history.</summary>
public sealed class StudioDbContext(DbContextOptions<StudioDbContext> options) : IdentityDbContext<StudioIdentityUser>(options)
{
    public DbSet<Campaign> Campaigns => Set<Campaign>();
    public DbSet<SegmentRecord> Segments => Set<SegmentRecord>();
    public DbSet<GenerationRun> GenerationRuns => Set<GenerationRun>();
    public DbSet<GenerationTask> GenerationTasks => Set<GenerationTask>();
    public DbSet<Variant> Variants => Set<Variant>();
    public DbSet<ReviewDecision> ReviewDecisions => Set<ReviewDecision>();
    public DbSet<VariantEdit> VariantEdits => Set<VariantEdit>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<PromptTemplateVersion> PromptTemplateVersions => Set<PromptTemplateVersion>();
    public DbSet<PromptTemplateRelease> PromptTemplateReleases => Set<PromptTemplateRelease>();
    public DbSet<PromptReleaseEvent> PromptReleaseEvents => Set<PromptReleaseEvent>();
    public DbSet<PromptEvaluation> PromptEvaluations => Set<PromptEvaluation>();
    public DbSet<PublishTarget> PublishTargets => Set<PublishTarget>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<Llm.Budgets.UsageLedgerEntry> UsageLedger => Set<Llm.Budgets.UsageLedgerEntry>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder); // Identity's tables first; our configurations may refine, never the reverse.
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(StudioDbContext).Assembly,
            t => t.Namespace == typeof(StudioDbContext).Namespace + ".Configurations");
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite hands DateTimes back as Unspecified; everything we store is UTC, so say so on the way out.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RenewConcurrencyTokens();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RenewConcurrencyTokens();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>App-managed optimistic concurrency: the UPDATE checks the token that was read and writes a new one,
    /// so a second editor holding the old token gets DbUpdateConcurrencyException instead of a lost update.</summary>
    private void RenewConcurrencyTokens()
    {
        foreach (var entry in ChangeTracker.Entries().Where(e => e.State == EntityState.Modified))
        {
            var token = entry.Metadata.FindProperty(ConcurrencyTokenName);
            if (token is not null && token.IsConcurrencyToken)
                entry.Property(ConcurrencyTokenName).CurrentValue = Guid.NewGuid();
        }
    }

    public const string ConcurrencyTokenName = "ConcurrencyToken";
}
