using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using ContentStudio.Core.Data;
using ContentStudio.Core.Llm;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Core.Generation;

internal enum SaveResult { Saved, AlreadyDone, NoLongerClaimed }

/// <summary>Saves a variant and finishes its task in ONE transaction: the variant, the task's new status and the
/// run's counter land together or not at all.</summary>
internal static class VariantWriter
{
    public static async Task<(SaveResult Result, VariantOutcome Outcome)> SaveAsync(
        StudioDbContext db, GenerationTask task, Guid campaignId, CompositionRequest? request, GeneratedVariant generated,
        IEnumerable<IVariantPostProcessor> postProcessors, DateTime nowUtc, CancellationToken ct)
    {
        var variant = new Variant
        {
            TaskId = task.Id, CampaignId = campaignId, RunId = task.RunId, SegmentKey = task.SegmentKey,
            Channel = task.Channel, VariantIndex = task.VariantIndex,
            FieldsJson = VariantFields.CanonicalJson(generated.Fields), RawOutput = generated.RawOutput,
            Outcome = generated.Outcome, Problem = generated.Problem,
            TemplateName = generated.Provenance.TemplateName, TemplateVersion = generated.Provenance.TemplateVersion,
            Provider = generated.Provenance.Provider, Model = generated.Provenance.Model,
            PromptHash = generated.Provenance.PromptHash, InputTokens = generated.Provenance.InputTokens,
            OutputTokens = generated.Provenance.OutputTokens, LatencyMs = generated.Provenance.LatencyMs,
            Attempts = generated.Provenance.Attempts, CreatedUtc = nowUtc,
        };
        foreach (var processor in postProcessors)
        {
            try { await processor.ProcessAsync(new VariantPostProcessContext(variant, request) { ProviderSafety = generated.ProviderSafety }, ct); }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                variant.Outcome = VariantOutcome.NeedsAttention;
                variant.Problem = Join(variant.Problem, $"{processor.GetType().Name} failed: {e.Message}");
            }
        }
        // Hashed after the processors, which may have changed the fields.
        variant.ContentHash = VariantFields.Hash(VariantFields.Read(variant.FieldsJson));
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Variants.Add(variant);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (IsUniqueViolation(e))
        {
            // Another worker (that took over an expired lease) saved this task's variant first: the task is done.
            await tx.RollbackAsync(CancellationToken.None);
            return (SaveResult.AlreadyDone, variant.Outcome);
        }

        var status = GenerationTaskStates.After(variant.Outcome);
        var moved = await db.GenerationTasks.Where(t => t.Id == task.Id && t.Status == GenerationTaskStatus.Claimed)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, status)
                .SetProperty(t => t.LeaseOwner, (string?)null).SetProperty(t => t.LeaseExpiresUtc, (DateTime?)null), ct);
        if (moved == 0)
        {
            // Cancelled while the model was writing (or finished by someone else): keep nothing.
            await tx.RollbackAsync(CancellationToken.None);
            return (SaveResult.NoLongerClaimed, variant.Outcome);
        }
        var runs = db.GenerationRuns.Where(r => r.Id == task.RunId);
        if (status == GenerationTaskStatus.Done)
            await runs.ExecuteUpdateAsync(s => s.SetProperty(r => r.DoneTasks, r => r.DoneTasks + 1), ct);
        else
            await runs.ExecuteUpdateAsync(s => s.SetProperty(r => r.NeedsAttentionTasks, r => r.NeedsAttentionTasks + 1), ct);
        await tx.CommitAsync(ct);
        return (SaveResult.Saved, variant.Outcome);
    }

    internal static bool IsUniqueViolation(DbUpdateException e) => e.InnerException switch
    {
        SqliteException s => s.SqliteErrorCode == 19 && s.SqliteExtendedErrorCode is 2067 or 1555,
        PostgresException p => p.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };

    private static string Join(string? a, string b) => string.IsNullOrEmpty(a) ? b : a + " " + b;
}
