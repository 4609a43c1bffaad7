using Microsoft.EntityFrameworkCore;
using ContentStudio.Core.Audit;
using ContentStudio.Core.Brands;
using ContentStudio.Core.Data;
using ContentStudio.Core.Generation;
using ContentStudio.Core.Identity;
using ContentStudio.Core.Review;
using ContentStudio.Core.Segments;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Core.Campaigns;

/// <summary>A campaign in a list, with its latest run (if any).</summary>
public sealed record CampaignSummary(
    Guid Id, string Name, string BrandSlug, int BusinessImpact, DateTime? DeadlineUtc,
    DateTime CreatedUtc, string CreatedBy);

/// <summary>Creates and reads campaigns. The web form and `studio generate --brief` both come through here.</summary>
public sealed class CampaignService(
    IDbContextFactory<StudioDbContext> dbFactory, IBrandCatalog brands, SegmentStore segments, TimeProvider clock, AuditLog audit)
{
    /// <summary>Validates the brief against the brand catalog and the brand's segments, then stores it.
    /// Throws <see cref="BriefValidationException"/> with one error per problem, <see cref="AccessDeniedException"/>
    /// when <paramref name="user"/> is no Marketer, BrandManager or Admin (checked first). Records the user's Id.</summary>
    public Task<Campaign> CreateAsync(CampaignBrief brief, StudioUser user, CancellationToken ct = default)
    {
        Access.Demand(user, StudioPermission.Generate);
        return CreateAsync(brief, user.Id, ct);
    }

    /// <summary>Loads a brief file and creates the campaign for <paramref name="user"/> (checked as in
    /// <see cref="CreateAsync(CampaignBrief, StudioUser, CancellationToken)"/>, before the file is read).</summary>
    public Task<Campaign> CreateFromFileAsync(string path, StudioUser user, CancellationToken ct = default)
    {
        Access.Demand(user, StudioPermission.Generate);
        return CreateFromFileAsync(path, user.Id, ct);
    }

    /// <summary>Stores the brief as <paramref name="user"/>'s without a role check: for seeding, benchmarks and tests;
    /// pages and the CLI use the <see cref="StudioUser"/> overload. Throws <see cref="BriefValidationException"/>.</summary>
    internal async Task<Campaign> CreateAsync(CampaignBrief brief, string user, CancellationToken ct = default)
    {
        var errors = await ValidateAsync(brief, ct);
        if (errors.Count > 0) throw new BriefValidationException(errors);
        var campaign = new Campaign
        {
            Name = brief.Name.Trim(),
            BrandSlug = brief.BrandSlug,
            Brief = brief,
            BusinessImpact = brief.BusinessImpact,
            DeadlineUtc = brief.DeadlineUtc,
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
            CreatedBy = user,
        };
        // The campaign and its audit event commit together (campaign.created names the brief's shape, not its text).
        return await AuditedTransaction.RunAsync(dbFactory, async db =>
        {
            db.Campaigns.Add(campaign);
            await audit.AppendAsync(db, new AuditEntry(string.IsNullOrWhiteSpace(user) ? "system" : user, AuditActions.CampaignCreated,
                nameof(Campaign), campaign.Id.ToString(), new { name = campaign.Name, brand = campaign.BrandSlug,
                    segments = brief.SegmentKeys, channels = brief.Channels.Select(c => c.ToString()).ToArray(), brief.VariantsPerSegment }), ct);
            await db.SaveChangesAsync(ct);
            return campaign;
        }, ct);
    }

    /// <summary>The field errors for a brief (empty when it can be stored): for forms that validate before submit.</summary>
    public async Task<IReadOnlyList<FieldError>> ValidateAsync(CampaignBrief brief, CancellationToken ct = default)
    {
        var brand = string.IsNullOrWhiteSpace(brief.BrandSlug) ? null : brands.Find(brief.BrandSlug);
        var keys = brand is null ? [] : await segments.KeysAsync(brand.Slug, ct);
        return BriefValidator.Validate(brief, brand, keys, clock.GetUtcNow().UtcDateTime);
    }

    /// <summary>Loads a brief file and creates the campaign (no role check, as above); errors name the file.</summary>
    internal async Task<Campaign> CreateFromFileAsync(string path, string user, CancellationToken ct = default)
    {
        var brief = BriefFile.Load(path);
        var errors = await ValidateAsync(brief, ct);
        if (errors.Count > 0) throw new BriefValidationException(errors, path);
        return await CreateAsync(brief, user, ct);
    }

    public async Task<Campaign?> GetAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
    }

    /// <summary>Newest first, each with its latest run's status and counts.</summary>
    public async Task<IReadOnlyList<CampaignSummary>> ListAsync(string? brandSlug = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Campaigns.AsNoTracking();
        if (!string.IsNullOrEmpty(brandSlug)) query = query.Where(c => c.BrandSlug == brandSlug);
        var campaigns = await query
            .Select(c => new { c.Id, c.Name, c.BrandSlug, c.BusinessImpact, c.DeadlineUtc, c.CreatedUtc, c.CreatedBy })
            .ToListAsync(ct);
        return campaigns
            .OrderByDescending(c => c.CreatedUtc)
            .Select(c => new CampaignSummary(c.Id, c.Name, c.BrandSlug, c.BusinessImpact, c.DeadlineUtc, c.CreatedUtc, c.CreatedBy))
            .ToList();
    }
}
