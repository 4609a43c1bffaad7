using Microsoft.EntityFrameworkCore;
using ContentStudio.Core.Data;
using ContentStudio.Core.Generation;
using ContentStudio.Core.Kernel;
using ContentStudio.Core.Review.Queue;

namespace ContentStudio.Core.Review;

/// <summary>Everything the review page shows about one variant, read together on one context, including what the
/// viewer may do: <see cref="Offers"/> holds every action the transition table allows from the current state with the
/// access decision the service would take, so the page offers exactly what would succeed and says why not otherwise.</summary>
public sealed record ReviewPage(
    VariantView View, ReviewedVariant Current, string CampaignName, string? AssignedTo,
    IReadOnlyList<ReviewDecision> Decisions, IReadOnlyList<VariantEdit> Edits, IReadOnlyList<VariantComment> Comments,
    IReadOnlyDictionary<string, string> Original, IReadOnlyDictionary<ReviewAction, AccessDecision> Offers, bool MayRelease)
{
    /// <summary>Null when the action is not possible from the current state at all (the page shows no button).</summary>
    public AccessDecision? Offer(ReviewAction action) => Offers.GetValueOrDefault(action);

    /// <summary>What a viewer is offered on a variant in <paramref name="state"/>: every action the transition table
    /// allows from it (the outbox's Schedule and Publish are not buttons) with the decision the service would take.</summary>
    public static IReadOnlyDictionary<ReviewAction, AccessDecision> OffersFor(ReviewState state, StudioUser viewer, VariantReviewFacts facts) =>
        ReviewTransitions.AllowedFrom(state)
            .Where(a => a is not (ReviewAction.Schedule or ReviewAction.Publish))
            .ToDictionary(a => a, a => Access.Offer(viewer, a, facts));
}

/// <summary>Reads a <see cref="ReviewPage"/> for a viewer.</summary>
public sealed class ReviewPageQuery(IDbContextFactory<StudioDbContext> dbFactory)
{
    /// <summary>Null when the variant does not exist.</summary>
    public async Task<ReviewPage?> LoadAsync(Guid variantId, StudioUser viewer, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var variant = await db.Variants.AsNoTracking().FirstOrDefaultAsync(v => v.Id == variantId, ct);
        if (variant is null) return null;
        var campaignName = await db.Campaigns.Where(c => c.Id == variant.CampaignId).Select(c => c.Name).FirstOrDefaultAsync(ct) ?? "Campaign";
        var decisions = await ReviewHistory.DecisionsAsync(db, variantId, ct);
        var edits = await ReviewHistory.EditsAsync(db, variantId, ct);
        var comments = await ReviewHistory.CommentsAsync(db, variantId, ct);
        var facts = await ReviewService.FactsAsync(db, variant, ct);
        var offers = ReviewPage.OffersFor(variant.ReviewState, viewer, facts);
        var current = ReviewedVariant.From(variant);
        var original = edits.Count > 0 ? VariantFields.Read(edits[0].BeforeJson) : current.Fields;
        return new ReviewPage(VariantView.From(variant), current, campaignName, variant.AssignedTo, decisions, edits, comments, original, offers,
            QueueClaims.MayRelease(viewer, variant.AssignedTo));
    }
}
