using ContentStudio.Testing;
using ContentStudio.Core.Campaigns;
using ContentStudio.Core.Channels;
using ContentStudio.Core.Configuration;
using ContentStudio.Core.Data;
using ContentStudio.Core.Generation;
using ContentStudio.Core.Publishing;
using ContentStudio.Core.Review;
using ContentStudio.Integration.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Integration.Tests.Publishing;

/// <summary>The real publishing services on a real, migrated database (SQLite file or PostgreSQL), with fake approval
/// evidence, a webhook secret in configuration, the real clock and small delays so retries take milliseconds.</summary>
public sealed class PublishingStudio : IAsyncDisposable
{
    public const string Secret = "test-signing-secret-0123456789";
    public const string HookName = "partner-hook";
    /// <summary>Configures targets (only an admin may).</summary>
    public static readonly StudioUser Admin = People.Ada;
    /// <summary>Publishes and schedules.</summary>
    public static readonly StudioUser Manager = People.Bree;
    private readonly Action? _cleanup;

    private PublishingStudio(ServiceProvider services, DatabaseProvider provider, string exportRoot, Action? cleanup)
    {
        Services = services; Provider = provider; ExportRoot = exportRoot; _cleanup = cleanup;
    }

    public ServiceProvider Services { get; }
    public DatabaseProvider Provider { get; }
    public string ExportRoot { get; }
    public FakeApprovals Approvals => Get<FakeApprovals>();
    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();
    public StudioDbContext Db() => Get<IDbContextFactory<StudioDbContext>>().CreateDbContext();

    /// <summary>Another dispatcher with its own worker id, as a second process would have.</summary>
    public OutboxDispatcher NewDispatcher() => ActivatorUtilities.CreateInstance<OutboxDispatcher>(Services);

    /// <param name="reviewApprovals">Take approvals from the review tables (the product's ReviewApprovalEvidence, with
    /// ReviewService registered to make them) instead of <see cref="FakeApprovals"/>: for databases a real `studio`
    /// process reads too.</param>
    /// <param name="dataFolder">Share a data folder (and so the audit chain's key) with a `studio` process; a fresh one
    /// (deleted with the harness) when null.</param>
    public static async Task<PublishingStudio> StartAsync(DatabaseProvider provider, string connectionString, Action? cleanup,
        Action<PublishingOptions>? configure = null, bool reviewApprovals = false, string? dataFolder = null)
    {
        var exportRoot = Path.Combine(Path.GetTempPath(), "cs-exports-" + Guid.NewGuid().ToString("N")[..8]);
        cleanup = (() => TestConnections.Release(provider, connectionString)) + cleanup;
        if (dataFolder is null)
        {
            var own = StudioTestServices.NewDataFolder();
            (dataFolder, cleanup) = (own, cleanup + (() => Directory.Delete(own, recursive: true)));
        }
        var s = new ServiceCollection().AddStudioTestBase(provider, connectionString, dataFolder,
            new Dictionary<string, string?> { [$"Publishing:Secrets:{HookName}"] = Secret });
        s.AddSingleton(TimeProvider.System);
        s.AddSingleton<FakeApprovals>();
        if (reviewApprovals) s.AddReview().AddSingleton<IApprovalEvidenceSource, ReviewApprovalEvidence>();
        else s.AddSingleton<IApprovalEvidenceSource>(sp => sp.GetRequiredService<FakeApprovals>());
        s.AddStudioData().AddPublishing();
        s.Configure<PublishingOptions>(o =>
        {
            o.AllowLoopbackTargets = true; o.BaseDelaySeconds = 0.02; o.MaxDelaySeconds = 0.2; o.MaxAttempts = 6;
            // Roomy timeout and lease: a busy CI machine must not turn a slow answer into a retry.
            o.LeaseSeconds = 6; o.RequestTimeoutSeconds = 2; o.PollIntervalMilliseconds = 20; o.BatchSize = 16; o.WorkerConcurrency = 8;
            o.ExportRoot = exportRoot;
            configure?.Invoke(o);
        });
        var studio = new PublishingStudio(s.BuildServiceProvider(validateScopes: true), provider, exportRoot, cleanup);
        await DatabaseInitializer.MigrateAsync(studio.Services);
        return studio;
    }

    /// <summary>Stores a campaign with one run and <paramref name="count"/> variants (one task each), approved or not.</summary>
    public async Task<(Guid CampaignId, List<Variant> Variants)> SeedAsync(int count, bool approve = true, ReviewState state = ReviewState.Approved)
    {
        await using var db = Db();
        var campaign = new Campaign { Name = "Spring savings", BrandSlug = "lumen", Brief = TestData.Brief(), CreatedUtc = DateTime.UtcNow, CreatedBy = "marketer" };
        var run = new GenerationRun { CampaignId = campaign.Id, Status = RunStatus.Completed, TotalTasks = count, DoneTasks = count, CreatedBy = "marketer", CreatedUtc = DateTime.UtcNow };
        db.Campaigns.Add(campaign);
        db.GenerationRuns.Add(run);
        var variants = new List<Variant>();
        for (var i = 0; i < count; i++)
        {
            var channel = i % 2 == 0 ? ChannelKind.Email : ChannelKind.Sms;
            var task = new GenerationTask { RunId = run.Id, Ordinal = i, SegmentKey = "retirees", Channel = channel, VariantIndex = i, Status = GenerationTaskStatus.Done };
            var fields = new Dictionary<string, string> { ["subject"] = $"Save more, #{i}", ["body"] = $"**Lumen Saver**: 4% AER. [Open an account](https://lumen.example/open?v={i})" };
            var variant = new Variant
            {
                TaskId = task.Id, CampaignId = campaign.Id, RunId = run.Id, SegmentKey = "retirees", Channel = channel, VariantIndex = i,
                FieldsJson = VariantFields.CanonicalJson(fields), ContentHash = VariantFields.Hash(fields), ReviewState = state,
                TemplateName = "email", TemplateVersion = "3", Provider = "Offline", Model = "offline-composer", PromptHash = $"p{i}",
                InputTokens = 100, OutputTokens = 40, LatencyMs = 12, Attempts = 1, CreatedUtc = DateTime.UtcNow,
                CheckGate = ContentStudio.Core.Checks.Gate.Clean, CheckScore = 97,
            };
            db.GenerationTasks.Add(task);
            db.Variants.Add(variant);
            variants.Add(variant);
            if (approve) Approvals.Evidence[variant.Id] = new ApprovalEvidence("brand.manager@example.com", DateTime.UtcNow, variant.ContentHash);
        }
        await db.SaveChangesAsync();
        return (campaign.Id, variants);
    }

    /// <summary>An edit after approval: new fields, new hash, the approval left pointing at the old hash.</summary>
    public async Task EditAsync(Guid variantId, string body)
    {
        await using var db = Db();
        var variant = await db.Variants.SingleAsync(v => v.Id == variantId);
        var fields = variant.Fields.ToDictionary();
        fields["body"] = body;
        variant.FieldsJson = VariantFields.CanonicalJson(fields);
        variant.ContentHash = VariantFields.Hash(fields);
        await db.SaveChangesAsync();
    }

    public Task<PublishTarget> WebhookAsync(Uri url) => Get<PublishTargets>().AddWebhookAsync(HookName, url.ToString(), Admin);

    public async Task<List<OutboxMessage>> OutboxAsync()
    {
        await using var db = Db();
        return await db.OutboxMessages.AsNoTracking().ToListAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        _cleanup?.Invoke();
        if (Directory.Exists(ExportRoot)) Directory.Delete(ExportRoot, recursive: true);
    }
}

/// <summary>Base of the publishing tests that run on SQLite and on PostgreSQL.</summary>
public abstract class PublishingTests : IAsyncLifetime
{
    protected PublishingStudio Studio { get; private set; } = null!;
    protected abstract Task<(DatabaseProvider Provider, string ConnectionString, Action? Cleanup)> CreateDatabaseAsync();
    protected virtual void Configure(PublishingOptions options) { }

    public async Task InitializeAsync()
    {
        var (provider, connectionString, cleanup) = await CreateDatabaseAsync();
        Studio = await PublishingStudio.StartAsync(provider, connectionString, cleanup, Configure);
    }

    public async Task DisposeAsync() => await Studio.DisposeAsync();
}
