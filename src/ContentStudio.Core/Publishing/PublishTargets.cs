using ContentStudio.Core.Audit;
using System.Text.RegularExpressions;
using ContentStudio.Core.Data;
using ContentStudio.Core.Publishing.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Core.Publishing;

/// <summary>Configuring where content goes. URLs and folders are checked here (and again when sending): a webhook
/// must pass the <see cref="UrlGuard"/> (DNS included), a folder must lie inside Publishing:ExportRoot. Every change
/// is an admin's (<see cref="StudioPermission.ManagePublishTargets"/>), checked before anything is read, and is an audit
/// event committed with it: where content goes is a governance decision.</summary>
public sealed partial class PublishTargets(IDbContextFactory<StudioDbContext> dbFactory, IOptions<PublishingOptions> options, TimeProvider clock,
    AuditLog audit)
{
    /// <summary>The name is also a configuration key (Publishing:Secrets:&lt;Name&gt;), hence the narrow alphabet.</summary>
    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$")]
    private static partial Regex NamePattern();

    public async Task<PublishTarget> AddWebhookAsync(string name, string url, StudioUser user, CancellationToken ct = default)
    {
        Access.Demand(user, StudioPermission.ManagePublishTargets, $"add webhook target '{name}'");
        CheckName(name);
        var verdict = await UrlGuard.For(options.Value).CheckAsync(url, ct);
        if (!verdict.Allowed) throw new PublishingException($"webhook URL '{Redact(url)}' refused: {verdict.Reason}");
        return await SaveAsync(new PublishTarget { Name = name, Kind = PublishTargetKind.Webhook, Url = url }, user, ct);
    }

    public async Task<PublishTarget> AddFileExportAsync(string name, string folder, StudioUser user, CancellationToken ct = default)
    {
        Access.Demand(user, StudioPermission.ManagePublishTargets, $"add file-export target '{name}'");
        CheckName(name);
        ExportPaths.Resolve(options.Value.ExportRoot, folder);
        return await SaveAsync(new PublishTarget { Name = name, Kind = PublishTargetKind.FileExport, FolderPath = folder }, user, ct);
    }

    public async Task<IReadOnlyList<PublishTarget>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.PublishTargets.AsNoTracking().OrderBy(t => t.Name).ToListAsync(ct);
    }

    public async Task<PublishTarget?> FindAsync(string nameOrId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return Guid.TryParse(nameOrId, out var id)
            ? await db.PublishTargets.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct)
            : await db.PublishTargets.AsNoTracking().FirstOrDefaultAsync(t => t.Name == nameOrId, ct);
    }

    /// <summary>A disabled target keeps its queued deliveries; they go out when it is enabled again.</summary>
    public async Task SetEnabledAsync(Guid targetId, bool enabled, StudioUser user, CancellationToken ct = default)
    {
        Access.Demand(user, StudioPermission.ManagePublishTargets, $"{(enabled ? "enable" : "disable")} publish target {targetId}");
        await AuditedTransaction.RunAsync(dbFactory, async db =>
        {
            var target = await db.PublishTargets.FirstOrDefaultAsync(t => t.Id == targetId, ct)
                         ?? throw new PublishingException($"publish target {targetId} does not exist");
            target.Enabled = enabled;
            await audit.AppendAsync(db, new AuditEntry(user.Id, enabled ? AuditActions.PublishTargetEnabled : AuditActions.PublishTargetDisabled,
                nameof(PublishTarget), target.Id.ToString(), new { target.Name }), ct);
            await db.SaveChangesAsync(ct);
            return 0;
        }, ct);
    }

    private Task<PublishTarget> SaveAsync(PublishTarget target, StudioUser user, CancellationToken ct) =>
        AuditedTransaction.RunAsync(dbFactory, async db =>
        {
            await AuditLog.LockAsync(db, ct);
            if (await db.PublishTargets.AnyAsync(t => t.Name == target.Name, ct))
                throw new PublishingException($"a publish target named '{target.Name}' already exists");
            target.CreatedBy = user.Id;
            target.CreatedUtc = clock.GetUtcNow().UtcDateTime;
            db.PublishTargets.Add(target);
            await audit.AppendAsync(db, new AuditEntry(user.Id, AuditActions.PublishTargetAdded, nameof(PublishTarget), target.Id.ToString(),
                new { target.Name, kind = target.Kind.ToString(), url = target.Url is { } u ? Redact(u) : null, folder = target.FolderPath }), ct);
            await db.SaveChangesAsync(ct);
            return target;
        }, ct);

    private static void CheckName(string name)
    {
        if (!NamePattern().IsMatch(name ?? ""))
            throw new PublishingException($"target name '{name}' is not valid: use 1–64 letters, digits, '-' or '_' (it names the secret Publishing:Secrets:<name>)");
    }

    /// <summary>Never echo a password someone pasted into a URL.</summary>
    internal static string Redact(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var u) && u.UserInfo.Length > 0 ? url.Replace(u.UserInfo, "***") : url;
}
