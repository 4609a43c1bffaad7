using Microsoft.EntityFrameworkCore;
using ContentStudio.Core.Audit;
using ContentStudio.Core.Data;
using ContentStudio.Core.Review.Queue;
using ContentStudio.Core.Generation;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Core.Review;

/// <summary>Every review action on a variant. Each call is one transaction on its own context: authorise, check the
/// transition table, change the variant, record the decision or edit, and append the audit event, all committed
/// together. Approvals are bound to the content hash the reviewer saw; edits to the concurrency token the editor
/// loaded, so a stale save is a <see cref="ReviewConflictException"/>, never a silent overwrite.</summary>
public sealed class ReviewService(IDbContextFactory<StudioDbContext> dbFactory, AuditLog audit, IEnumerable<IVariantEditHook> editHooks,
    ILiveEvents live, AccessRefusals refusals)
{
    public Task<ReviewedVariant> SubmitAsync(Guid variantId, StudioUser user, CancellationToken ct = default) =>
        ChangeStateAsync(variantId, user, ReviewAction.Submit, AuditActions.ReviewSubmitted, null, null, ct);

    /// <summary>Approves the content whose hash is <paramref name="approvedContentHash"/> (the version the reviewer
    /// looked at). If the variant has changed since, nothing is approved: a <see cref="ReviewConflictException"/>.</summary>
    public Task<ReviewedVariant> ApproveAsync(Guid variantId, string approvedContentHash, StudioUser user, string? comment = null,
        CancellationToken ct = default) =>
        ChangeStateAsync(variantId, user, ReviewAction.Approve, AuditActions.ReviewApproved,
            Capped(comment, "The approval comment", nameof(comment)), approvedContentHash, ct);

    /// <summary>An approval that the normal rules refuse (an admin, or flagged copy), with a written justification
    /// that is stored with the decision and in the audit log.</summary>
    public Task<ReviewedVariant> OverrideApproveAsync(Guid variantId, string approvedContentHash, StudioUser user, string justification,
        CancellationToken ct = default) =>
        ChangeStateAsync(variantId, user, ReviewAction.OverrideApprove, AuditActions.ReviewOverrideApproved,
            Capped(justification, "The justification", nameof(justification)), approvedContentHash, ct);

    public async Task<ReviewedVariant> RejectAsync(Guid variantId, StudioUser user, string reason, CancellationToken ct = default) =>
        await ChangeStateAsync(variantId, user, ReviewAction.Reject, AuditActions.ReviewRejected,
            Capped(Required(reason, nameof(reason), "A rejection needs a reason the author can act on."), "The reason", nameof(reason)), null, ct);

    public async Task<ReviewedVariant> RequestChangesAsync(Guid variantId, StudioUser user, string feedback, CancellationToken ct = default) =>
        await ChangeStateAsync(variantId, user, ReviewAction.RequestChanges, AuditActions.ReviewChangesRequested,
            Capped(Required(feedback, nameof(feedback), "A change request needs feedback that says what to change."), "The feedback",
                nameof(feedback)), null, ct);

    public Task<ReviewedVariant> ScheduleAsync(Guid variantId, StudioUser user, CancellationToken ct = default) =>
        ChangeStateAsync(variantId, user, ReviewAction.Schedule, AuditActions.ReviewScheduled, null, null, ct);

    public Task<ReviewedVariant> PublishAsync(Guid variantId, StudioUser user, CancellationToken ct = default) =>
        ChangeStateAsync(variantId, user, ReviewAction.Publish, AuditActions.ReviewPublished, null, null, ct);

    /// <summary>Saves new field values if the variant still carries <paramref name="expectedConcurrencyToken"/>.
    /// Returns the new hash and token. Voids an approval (Approved or Scheduled go back to InReview). The fields must be
    /// the variant's own fields (none added, none missing). Unchanged content saves nothing.</summary>
    public async Task<ReviewedVariant> EditAsync(Guid variantId, IReadOnlyDictionary<string, string> fields, Guid expectedConcurrencyToken,
        StudioUser user, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(fields);
        // The checks of the new text first, outside the transaction (they may ask a model), and only for an edit that
        // would be allowed; the transaction below decides again on the latest state and applies them.
        Variant seen;
        await using (var read = await dbFactory.CreateDbContextAsync(ct))
        {
            seen = await read.Variants.AsNoTracking().FirstOrDefaultAsync(v => v.Id == variantId, ct) ?? throw new VariantNotFoundException(variantId);
            try { Access.Demand(user, ReviewAction.Edit, await FactsAsync(read, seen, ct)); }
            catch (AccessDeniedException refused)
            {
                await refusals.RecordAsync(user, refused, "review", nameof(Variant), variantId.ToString(), ct);
                throw;
            }
            ReviewTransitions.Next(seen.ReviewState, ReviewAction.Edit);
            CheckSameFields(seen.Fields, fields);
            CheckFieldLengths(seen.Channel, fields);
        }
        var effects = new List<Action<Variant>>();
        foreach (var hook in editHooks) effects.Add(await hook.PrepareAsync(seen, fields, ct));
        return await RunAsync(variantId, ReviewAction.Edit, fields, async db =>
        {
            var variant = await LoadAsync(db, variantId, ct);
            Access.Demand(user, ReviewAction.Edit, await FactsAsync(db, variant, ct));
            // The state first: an edit of rejected or published copy is refused whatever token it carries.
            var (from, to) = (variant.ReviewState, ReviewTransitions.Next(variant.ReviewState, ReviewAction.Edit));
            if (variant.ConcurrencyToken != expectedConcurrencyToken)
                throw new ReviewConflictException(ReviewAction.Edit, ReviewedVariant.From(variant), fields, await LastEditorAsync(db, variantId, ct));
            var before = variant.Fields;
            CheckSameFields(before, fields);
            var afterHash = VariantFields.Hash(fields);
            if (afterHash == variant.ContentHash) return ReviewedVariant.From(variant);

            var beforeJson = VariantFields.CanonicalJson(before);
            var afterJson = VariantFields.CanonicalJson(fields);
            var logged = await audit.AppendAsync(db, new AuditEntry(user.Id, AuditActions.VariantEdited, nameof(Variant), variantId.ToString(),
                new { from = from.ToString(), to = to.ToString(), beforeHash = variant.ContentHash, afterHash,
                      approvalVoided = from is ReviewState.Approved or ReviewState.Scheduled }), ct);
            db.VariantEdits.Add(new VariantEdit
            {
                VariantId = variantId, EditedBy = user.Id, AtUtc = logged.AtUtc, AuditSequence = logged.Sequence,
                BeforeJson = beforeJson, AfterJson = afterJson, BeforeHash = variant.ContentHash, AfterHash = afterHash,
            });
            variant.FieldsJson = afterJson;
            variant.ContentHash = afterHash;
            variant.Apply(ReviewAction.Edit);
            foreach (var apply in effects) apply(variant);
            await db.SaveChangesAsync(ct);
            return ReviewedVariant.From(variant);
        }, user, ct);
    }

    /// <summary>The latest approval and whether it still holds (same content hash as now).</summary>
    public async Task<ApprovalStatus> GetApprovalAsync(Guid variantId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var variant = await db.Variants.AsNoTracking().FirstOrDefaultAsync(v => v.Id == variantId, ct)
                      ?? throw new VariantNotFoundException(variantId);
        return await ApprovalAsync(db, variant, ct);
    }

    public async Task<IReadOnlyList<VariantEdit>> GetEditsAsync(Guid variantId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await ReviewHistory.EditsAsync(db, variantId, ct);
    }

    public async Task<IReadOnlyList<ReviewDecision>> GetDecisionsAsync(Guid variantId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await ReviewHistory.DecisionsAsync(db, variantId, ct);
    }

    private Task<ReviewedVariant> ChangeStateAsync(Guid variantId, StudioUser user, ReviewAction action, string auditAction,
        string? comment, string? seenHash, CancellationToken ct) =>
        RunAsync(variantId, action, null, async db =>
        {
            var variant = await LoadAsync(db, variantId, ct);
            Access.Demand(user, action, await FactsAsync(db, variant, ct), comment);
            var (from, to) = (variant.ReviewState, ReviewTransitions.Next(variant.ReviewState, action));
            if (seenHash is not null && seenHash != variant.ContentHash)
                throw new ReviewConflictException(action, ReviewedVariant.From(variant), variant.Fields, await LastEditorAsync(db, variantId, ct));
            if (action is ReviewAction.Schedule or ReviewAction.Publish && await ApprovalAsync(db, variant, ct) is { IsValid: false } approval)
                throw new InvalidOperationException($"Cannot {Access.BareVerb(action)} variant {variantId}: {approval.Reason}");

            var logged = await audit.AppendAsync(db, new AuditEntry(user.Id, auditAction, nameof(Variant), variantId.ToString(),
                new { from = from.ToString(), to = to.ToString(), contentHash = variant.ContentHash, comment = comment?.Trim(),
                      roles = user.Roles.Order().ToArray() }), ct);
            if (action is ReviewAction.Approve or ReviewAction.OverrideApprove or ReviewAction.Reject or ReviewAction.RequestChanges)
                db.ReviewDecisions.Add(new ReviewDecision
                {
                    VariantId = variantId, Action = action, DecidedBy = user.Id, AtUtc = logged.AtUtc, AuditSequence = logged.Sequence,
                    ContentHash = variant.ContentHash, Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(),
                });
            variant.Apply(action);
            await db.SaveChangesAsync(ct);
            return ReviewedVariant.From(variant);
        }, user, ct);

    /// <summary>One audited transaction; the audit lock is taken first so the reads that decide the action see the
    /// latest committed state. A save that still loses a race becomes a conflict carrying the winner's version. Once
    /// committed, the change is announced to every open queue and review page (on every instance): this is the one
    /// path of every review action, single or bulk.</summary>
    private async Task<ReviewedVariant> RunAsync(Guid variantId, ReviewAction action, IReadOnlyDictionary<string, string>? attempted,
        Func<StudioDbContext, Task<ReviewedVariant>> work, StudioUser user, CancellationToken ct)
    {
        try
        {
            var done = await AuditedTransaction.RunAsync(dbFactory, async db =>
            {
                await AuditLog.LockAsync(db, ct);
                return await work(db);
            }, ct);
            live.Publish(new ReviewQueueChange(variantId, Announced(action), user.Id));
            return done;
        }
        catch (DbUpdateConcurrencyException)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var current = await db.Variants.AsNoTracking().FirstOrDefaultAsync(v => v.Id == variantId, ct)
                          ?? throw new VariantNotFoundException(variantId);
            throw new ReviewConflictException(action, ReviewedVariant.From(current), attempted ?? current.Fields, await LastEditorAsync(db, variantId, ct));
        }
        catch (AccessDeniedException refused)
        {
            // The refusal (a self-approval, a role that may not) is a governance event too; the transaction that found
            // it rolled back, so it is recorded on its own, with the rule's words and the variant.
            await refusals.RecordAsync(user, refused, "review", nameof(Variant), variantId.ToString(), ct);
            throw;
        }
    }

    /// <summary>How the queue's live message names a committed action (the pages show "approved by bree", …).</summary>
    private static string Announced(ReviewAction action) => action switch
    {
        ReviewAction.Submit => "submitted",
        ReviewAction.Edit => "edited",
        ReviewAction.Approve => "approved",
        ReviewAction.OverrideApprove => "override-approved",
        ReviewAction.Reject => "rejected",
        ReviewAction.RequestChanges => "changes-requested",
        ReviewAction.Schedule => "scheduled",
        _ => "published",
    };

    private static async Task<Variant> LoadAsync(StudioDbContext db, Guid variantId, CancellationToken ct) =>
        await db.Variants.FirstOrDefaultAsync(v => v.Id == variantId, ct) ?? throw new VariantNotFoundException(variantId);

    internal static async Task<VariantReviewFacts> FactsAsync(StudioDbContext db, Variant variant, CancellationToken ct)
    {
        var generatedBy = await db.GenerationRuns.Where(r => r.Id == variant.RunId).Select(r => r.CreatedBy).FirstOrDefaultAsync(ct);
        var editors = await db.VariantEdits.Where(e => e.VariantId == variant.Id).Select(e => e.EditedBy).Distinct().ToListAsync(ct);
        return Facts(generatedBy, editors, variant.Outcome, variant.Problem, variant.CheckGate);
    }

    /// <summary>The review facts of many variants in three queries (bulk actions decide what they may offer with them).
    /// Variants that do not exist are missing from the result.</summary>
    public async Task<IReadOnlyDictionary<Guid, VariantReviewFacts>> FactsAsync(IReadOnlyCollection<Guid> variantIds, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var variants = await db.Variants.AsNoTracking().Where(v => variantIds.Contains(v.Id))
            .Select(v => new { v.Id, v.RunId, v.Outcome, v.Problem, v.CheckGate }).ToListAsync(ct);
        var runIds = variants.Select(v => v.RunId).Distinct().ToList();
        var creators = await db.GenerationRuns.AsNoTracking().Where(r => runIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.CreatedBy, ct);
        var edits = (await db.VariantEdits.AsNoTracking().Where(e => variantIds.Contains(e.VariantId))
                .Select(e => new { e.VariantId, e.EditedBy }).ToListAsync(ct))
            .ToLookup(e => e.VariantId, e => e.EditedBy);
        return variants.ToDictionary(v => v.Id, v => Facts(creators.GetValueOrDefault(v.RunId), edits[v.Id].Distinct().ToList(), v.Outcome, v.Problem, v.CheckGate));
    }

    private static VariantReviewFacts Facts(string? generatedBy, IReadOnlyCollection<string> editors, VariantOutcome outcome, string? problem, Checks.Gate? gate)
    {
        var blocked = outcome != VariantOutcome.Ok ? problem ?? "generation flagged it as needing attention"
            : gate == Checks.Gate.Blocked ? "the guardrail checks found a blocker" : null;
        return new VariantReviewFacts(string.IsNullOrWhiteSpace(generatedBy) ? null : generatedBy, editors, blocked);
    }

    private static async Task<string?> LastEditorAsync(StudioDbContext db, Guid variantId, CancellationToken ct) =>
        (await db.VariantEdits.AsNoTracking().Where(e => e.VariantId == variantId).Select(e => new { e.EditedBy, e.AuditSequence }).ToListAsync(ct))
            .MaxBy(e => e.AuditSequence)?.EditedBy;

    private static async Task<ApprovalStatus> ApprovalAsync(StudioDbContext db, Variant variant, CancellationToken ct)
    {
        var approval = (await db.ReviewDecisions.AsNoTracking()
                .Where(d => d.VariantId == variant.Id && (d.Action == ReviewAction.Approve || d.Action == ReviewAction.OverrideApprove))
                .ToListAsync(ct)).MaxBy(d => d.AuditSequence);
        var state = variant.ReviewState;
        string? reason = approval is null ? "it has never been approved."
            : approval.ContentHash != variant.ContentHash ? "the approved content has since been edited, which voids the approval."
            : !ReviewTransitions.IsPublishable(state) ? $"it is {state}, so its last approval no longer holds."
            : null;
        return new ApprovalStatus(reason is null, approval, variant.ContentHash, reason);
    }

    private static void CheckSameFields(IReadOnlyDictionary<string, string> current, IReadOnlyDictionary<string, string> edited)
    {
        ArgumentNullException.ThrowIfNull(edited);
        var unknown = edited.Keys.Where(k => !current.ContainsKey(k)).ToList();
        var missing = current.Keys.Where(k => !edited.ContainsKey(k)).ToList();
        if (unknown.Count > 0 || missing.Count > 0)
            throw new ArgumentException("An edit must keep the variant's fields: " + string.Join("; ",
                new[] { unknown.Count > 0 ? $"unknown field(s) {string.Join(", ", unknown)}" : null,
                        missing.Count > 0 ? $"missing field(s) {string.Join(", ", missing)}" : null }.OfType<string>()) + ".", "fields");
        var nullField = edited.FirstOrDefault(p => p.Value is null).Key;
        if (nullField is not null) throw new ArgumentException($"Field '{nullField}' has no value (use an empty string to clear it).", "fields");
    }

    /// <summary>Refuses an edited field past <see cref="ReviewLimits.MaxEditedFieldLength"/>, naming the field and the limit.</summary>
    private static void CheckFieldLengths(Channels.ChannelKind channel, IReadOnlyDictionary<string, string> edited)
    {
        foreach (var (name, text) in edited)
            ReviewLimits.Check(text, ReviewLimits.MaxEditedFieldLength(channel, name), $"Field '{name}'", "fields");
    }

    /// <summary>Decision text (reason, feedback, justification, comment) within <see cref="ReviewLimits.MaxDecisionTextLength"/>.</summary>
    private static string? Capped(string? text, string what, string name)
    {
        ReviewLimits.Check(text?.Trim(), ReviewLimits.MaxDecisionTextLength, what, name);
        return text;
    }

    private static string Required(string? text, string name, string message) =>
        string.IsNullOrWhiteSpace(text) ? throw new ArgumentException(message, name) : text.Trim();
}
