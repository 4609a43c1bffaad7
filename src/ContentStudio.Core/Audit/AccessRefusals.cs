using Microsoft.Extensions.Logging;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Core.Audit;

/// <summary>Records a refusal (<see cref="AuditActions.AccessDenied"/>) with the rule that refused: the permission, the
/// reason Core gave, the user's roles and where the attempt came from. One refusal is recorded once even when it is
/// seen twice on its way out (Core's review service records it, then the API's guard sees the same exception).
/// Recording never replaces the refusal: if the log cannot be written the refusal still stands and the failure is logged.</summary>
public sealed class AccessRefusals(AuditLog audit, ILogger<AccessRefusals> log)
{
    private const string RecordedKey = "ContentStudio.RefusalRecorded";

    /// <param name="via">Where the attempt came from ("cli", "api", "web", "review").</param>
    /// <param name="entityType">What was refused, when known (a Variant); else the permission is the entity.</param>
    public async Task RecordAsync(StudioUser user, AccessDeniedException refusal, string via, string? entityType = null,
        string? entityId = null, CancellationToken ct = default)
    {
        if (refusal.Data.Contains(RecordedKey)) return;
        refusal.Data[RecordedKey] = true;
        await RecordAsync(user, refusal.Permission, refusal.Message, via, entityType, entityId, ct);
    }

    public async Task RecordAsync(StudioUser user, StudioPermission permission, string reason, string via, string? entityType = null,
        string? entityId = null, CancellationToken ct = default)
    {
        var (type, id) = entityType is null || entityId is null ? ("Permission", permission.ToString()) : (entityType, entityId);
        try
        {
            await audit.RecordAsync(new AuditEntry(user.Id, AuditActions.AccessDenied, type, id,
                new { permission = permission.ToString(), reason, via, roles = user.Roles.Order(StringComparer.Ordinal).ToArray() }), ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "Could not record the refusal of {Permission} to {User} via {Via}", permission, user.Id, via);
        }
    }
}
