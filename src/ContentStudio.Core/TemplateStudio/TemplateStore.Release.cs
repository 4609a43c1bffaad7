using ContentStudio.Core.Identity;
using ContentStudio.Core.Review;
using Microsoft.EntityFrameworkCore;
using ContentStudio.Core.Kernel;
using ContentStudio.Core.Prompts;

namespace ContentStudio.Core.TemplateStudio;

public sealed partial class TemplateStore
{
    /// <summary>Releases a version through the gate: it needs a finished evaluation of exactly this version against
    /// the version released now, with no regression — or a written justification (at least
    /// <see cref="TemplateGateOptions.MinJustificationLength"/> characters), recorded as an override.
    /// Throws <see cref="TemplateStudioException"/> with what to do when refused, <see cref="AccessDeniedException"/>
    /// when <paramref name="user"/> is no PromptEngineer or Admin.</summary>
    public async Task<PromptTemplateRelease> ReleaseAsync(Guid versionId, StudioUser user, string? justification = null, CancellationToken ct = default)
    {
        Access.Demand(user, StudioPermission.ReleaseTemplates);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var version = await db.PromptTemplateVersions.AsNoTracking().FirstOrDefaultAsync(v => v.Id == versionId, ct)
            ?? throw new TemplateStudioException($"version {versionId} does not exist");
        var name = version.TemplateName;
        var current = await db.PromptTemplateReleases.FirstOrDefaultAsync(r => r.TemplateName == name, ct);
        if (current?.VersionId == version.Id)
            throw new TemplateStudioException($"version {version.Number} of {name} is already released");

        var reason = string.IsNullOrWhiteSpace(justification) ? null : justification.Trim();
        if (reason is not null && reason.Length < Gate.MinJustificationLength)
            throw new TemplateStudioException($"a justification must be at least {Gate.MinJustificationLength} characters (this one has {reason.Length}): say why releasing past the gate is right");

        var evaluation = await db.PromptEvaluations.AsNoTracking()
            .Where(e => e.VersionId == version.Id && e.Status == EvaluationStatus.Finished)
            .OrderByDescending(e => e.FinishedUtc).FirstOrDefaultAsync(ct);
        var evalCommand = $"run `studio prompts eval --template {name} --candidate {version.Number}`";
        var orJustify = $", or give a justification of at least {Gate.MinJustificationLength} characters to release it anyway";
        var kind = ReleaseKind.Release;
        if (evaluation is null)
        {
            if (reason is null) throw new TemplateStudioException($"version {version.Number} of {name} has no finished evaluation: {evalCommand}{orJustify}");
            kind = ReleaseKind.Override;
        }
        else if (evaluation.BaselineVersionId != current?.VersionId)
        {
            if (reason is null)
                throw new TemplateStudioException($"version {version.Number} of {name} was evaluated against another version than the one released now: {evalCommand} again{orJustify}");
            kind = ReleaseKind.Override;
        }
        else
        {
            var result = evaluation.Metrics
                ?? throw new TemplateStudioException($"evaluation {evaluation.Id} has no metrics: {evalCommand} again");
            var regressions = EvaluationComparer.Compare(result.Candidate, result.Baseline, Gate);
            if (regressions.Count > 0)
            {
                if (reason is null)
                {
                    var baseline = current is null ? "" : $" against version {await NumberAsync(db, current.VersionId, ct)}";
                    throw new TemplateStudioException(
                        $"version {version.Number} of {name} regresses{baseline}: {string.Join("; ", regressions.Select(r => r.Message))}. Fix the template and evaluate again{orJustify}",
                        regressions);
                }
                kind = ReleaseKind.Override;
            }
        }
        return await RecordReleaseAsync(db, current, version, kind, user.Id, reason, evaluation?.Id, ct);
    }

    /// <summary>A rollback's reason is kept in the release history and the audit log: at most this many characters.</summary>
    public const int MaxRollbackReasonLength = 500;

    /// <summary>Puts back a version that was released before. It needs no new evaluation (it passed, or was
    /// overridden, when it went out) but needs a <paramref name="reason"/> (what went wrong with the released one, at
    /// most <see cref="MaxRollbackReasonLength"/> characters), recorded in the release history and the audit log.</summary>
    public async Task<PromptTemplateRelease> RollbackAsync(string name, Guid toVersionId, StudioUser user, string reason, CancellationToken ct = default)
    {
        Access.Demand(user, StudioPermission.ReleaseTemplates);
        reason = reason?.Trim() ?? "";
        if (reason.Length == 0)
            throw new TemplateStudioException("a rollback needs a reason: say what is wrong with the released version (it is kept in the release history and the audit log)");
        if (reason.Length > MaxRollbackReasonLength)
            throw new TemplateStudioException($"the reason is {reason.Length} characters long; the limit is {MaxRollbackReasonLength}: shorten it");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var version = await db.PromptTemplateVersions.AsNoTracking().FirstOrDefaultAsync(v => v.Id == toVersionId && v.TemplateName == name, ct)
            ?? throw new TemplateStudioException($"template {name} has no version {toVersionId}");
        var current = await db.PromptTemplateReleases.FirstOrDefaultAsync(r => r.TemplateName == name, ct);
        if (current?.VersionId == version.Id) throw new TemplateStudioException($"version {version.Number} of {name} is already released");
        if (!await db.PromptReleaseEvents.AnyAsync(e => e.TemplateName == name && e.VersionId == version.Id, ct))
            throw new TemplateStudioException($"version {version.Number} of {name} was never released, so there is nothing to roll back to: release it through the gate instead");
        return await RecordReleaseAsync(db, current, version, ReleaseKind.Rollback, user.Id, reason, null, ct);
    }

    /// <summary>Releases the first version of a template nobody released yet (start-up seeding).</summary>
    internal async Task<bool> ReleaseSeedAsync(PromptTemplateVersion version, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.PromptTemplateReleases.AnyAsync(r => r.TemplateName == version.TemplateName, ct)) return false;
        await RecordReleaseAsync(db, null, version, ReleaseKind.Seed, "seed", null, null, ct);
        return true;
    }

    private async Task<PromptTemplateRelease> RecordReleaseAsync(Data.StudioDbContext db, PromptTemplateRelease? current,
        PromptTemplateVersion version, ReleaseKind kind, string user, string? justification, Guid? evaluationId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (current is null)
        {
            current = new PromptTemplateRelease { TemplateName = version.TemplateName };
            db.PromptTemplateReleases.Add(current);
        }
        current.VersionId = version.Id;
        current.ReleasedUtc = now;
        current.ReleasedBy = user;
        current.Justification = justification;
        current.EvaluationId = evaluationId;
        db.PromptReleaseEvents.Add(new PromptReleaseEvent
        {
            Id = Guid.NewGuid(), TemplateName = version.TemplateName, VersionId = version.Id, Kind = kind, Utc = now,
            User = user, Justification = justification, EvaluationId = evaluationId,
        });
        // The release and its audit event commit together (releases past the gate carry their justification).
        await using var tx = audit is null || db.Database.CurrentTransaction is not null ? null : await db.Database.BeginTransactionAsync(ct);
        if (audit is not null)
            await audit.AppendAsync(db, new Audit.AuditEntry(user, Audit.AuditActions.TemplateReleased, "PromptTemplate", version.TemplateName,
                new { kind = kind.ToString(), number = version.Number, version = version.Version, justification, evaluationId }), ct);
        await db.SaveChangesAsync(ct);
        if (tx is not null) await tx.CommitAsync(ct);
        releasedCatalog?.Invalidate();
        return current;
    }

    private static async Task<int> NumberAsync(Data.StudioDbContext db, Guid versionId, CancellationToken ct) =>
        await db.PromptTemplateVersions.Where(v => v.Id == versionId).Select(v => v.Number).FirstAsync(ct);
}
