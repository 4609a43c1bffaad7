using ContentStudio.Core.Brands;
using ContentStudio.Core.Data;
using ContentStudio.Core.Identity;
using ContentStudio.Core.Review;
using DiffPlex;
using DiffPlex.DiffBuilder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ContentStudio.Core.Kernel;
using ContentStudio.Core.Prompts;

namespace ContentStudio.Core.TemplateStudio;

/// <summary>Prompt template versions in the database: save (validated), list, history, diff, export/import, and
/// release through the gate (TemplateStore.Release.cs). Versions are never edited or deleted: a change is a new
/// version, so every variant's recorded version label keeps pointing at the text that wrote it.
/// Saving, importing, releasing and rolling back need a PromptEngineer or an Admin (<see cref="Kernel.Access"/>):
/// refused with <see cref="AccessDeniedException"/> before anything is read or written. The user's Id (the
/// sign-in name) is what versions, releases and audit events record.</summary>
public sealed partial class TemplateStore(
    IDbContextFactory<StudioDbContext> dbFactory,
    TimeProvider clock,
    IOptions<TemplateGateOptions> gate,
    ReleasedPromptCatalog? releasedCatalog = null,
    Audit.AuditLog? audit = null)
{
    private TemplateGateOptions Gate => gate.Value;

    public async Task<IReadOnlyList<TemplateSummary>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var versions = await db.PromptTemplateVersions.AsNoTracking().ToListAsync(ct);
        var releases = await db.PromptTemplateReleases.AsNoTracking().ToDictionaryAsync(r => r.TemplateName, r => r.VersionId, ct);
        return versions.GroupBy(v => v.TemplateName).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var latest = g.MaxBy(v => v.Number)!;
            var released = releases.TryGetValue(g.Key, out var id) ? g.FirstOrDefault(v => v.Id == id) : null;
            var parsed = PromptTemplateParser.Parse(g.Key + TemplateText.Extension, (released ?? latest).FileText).Template;
            return new TemplateSummary(g.Key, parsed?.Channel, parsed?.Description ?? "", released, latest, g.Count());
        }).ToList();
    }

    public async Task<TemplateHistory?> HistoryAsync(string name, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var versions = await db.PromptTemplateVersions.AsNoTracking().Where(v => v.TemplateName == name).ToListAsync(ct);
        if (versions.Count == 0) return null;
        var release = await db.PromptTemplateReleases.AsNoTracking().FirstOrDefaultAsync(r => r.TemplateName == name, ct);
        var events = await db.PromptReleaseEvents.AsNoTracking().Where(e => e.TemplateName == name).ToListAsync(ct);
        return new TemplateHistory(name, release?.VersionId,
            versions.OrderByDescending(v => v.Number).ToList(), events.OrderByDescending(e => e.Utc).ThenByDescending(e => e.Id).ToList());
    }

    public async Task<PromptTemplateVersion?> GetAsync(Guid versionId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.PromptTemplateVersions.AsNoTracking().FirstOrDefaultAsync(v => v.Id == versionId, ct);
    }

    /// <summary>A version by number ("3"), label or label prefix of at least 4 hex digits ("a1b2c3"), or the words
    /// "released" and "latest". Null when nothing (or more than one version) matches.</summary>
    public async Task<PromptTemplateVersion?> FindAsync(string name, string reference, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var versions = db.PromptTemplateVersions.AsNoTracking().Where(v => v.TemplateName == name);
        reference = reference.Trim();
        if (reference.Equals("latest", StringComparison.OrdinalIgnoreCase))
            return await versions.OrderByDescending(v => v.Number).FirstOrDefaultAsync(ct);
        if (reference.Equals("released", StringComparison.OrdinalIgnoreCase))
        {
            var release = await db.PromptTemplateReleases.AsNoTracking().FirstOrDefaultAsync(r => r.TemplateName == name, ct);
            return release is null ? null : await versions.FirstOrDefaultAsync(v => v.Id == release.VersionId, ct);
        }
        if (int.TryParse(reference, out var number) && reference.Length < 4)
            return await versions.FirstOrDefaultAsync(v => v.Number == number, ct);
        if (reference.Length < 4) return null;
        var label = reference.ToLowerInvariant();
        var matches = await versions.Where(v => v.Version.StartsWith(label)).Take(2).ToListAsync(ct);
        return matches.Count == 1 ? matches[0] : null;
    }

    /// <summary>Stores <paramref name="fileText"/> as the next version of <paramref name="name"/> when it parses
    /// without errors and its name matches. Text identical to an existing version returns that version
    /// (<see cref="SaveVersionResult.Created"/> false).</summary>
    public Task<SaveVersionResult> SaveVersionAsync(string name, string fileText, StudioUser user, string note = "", CancellationToken ct = default)
    {
        Access.Demand(user, StudioPermission.EditTemplates);
        return SaveCheckedAsync(name, fileText, user.Id, note, ct);
    }

    private async Task<SaveVersionResult> SaveCheckedAsync(string name, string fileText, string user, string note, CancellationToken ct)
    {
        var file = name + TemplateText.Extension;
        var parsed = PromptTemplateParser.Parse(file, fileText);
        // The parser only warns when the name differs from the file; here the name IS the identity, so refuse.
        var problems = parsed.Errors.Select(e => e.IsWarning && e.Message.Contains("differs from the file name", StringComparison.Ordinal)
            ? e with { Severity = SourceSeverity.Error, Message = $"the file says {e.Message.Split(" differs")[0]} but it is saved as template '{name}': make them the same" }
            : e).ToList();
        if (parsed.Template is null || problems.Any(e => !e.IsWarning)) return new SaveVersionResult(null, problems, false);

        var label = TemplateText.Label(fileText);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var existing = await db.PromptTemplateVersions.AsNoTracking().FirstOrDefaultAsync(v => v.TemplateName == name && v.Version == label, ct);
        if (existing is not null) return new SaveVersionResult(existing, problems, false);
        var last = await db.PromptTemplateVersions.Where(v => v.TemplateName == name).MaxAsync(v => (int?)v.Number, ct) ?? 0;
        var version = new PromptTemplateVersion
        {
            Id = Guid.NewGuid(), TemplateName = name, Version = label, Number = last + 1, FileText = fileText,
            CreatedUtc = clock.GetUtcNow().UtcDateTime, CreatedBy = user, Note = note ?? "",
        };
        db.PromptTemplateVersions.Add(version);
        await db.SaveChangesAsync(ct);
        return new SaveVersionResult(version, problems, true);
    }

    /// <summary>Line diff of two versions' file text, old on the left.</summary>
    public async Task<TemplateDiff> DiffAsync(Guid oldVersionId, Guid newVersionId, CancellationToken ct = default)
    {
        var old = await GetAsync(oldVersionId, ct) ?? throw new TemplateStudioException($"version {oldVersionId} does not exist");
        var @new = await GetAsync(newVersionId, ct) ?? throw new TemplateStudioException($"version {newVersionId} does not exist");
        var model = new SideBySideDiffBuilder(new Differ()).BuildDiffModel(old.FileText, @new.FileText, ignoreWhitespace: false);
        return new TemplateDiff(old, @new, model);
    }

    /// <summary>Writes each released version to &lt;folder&gt;/&lt;name&gt;.prompt.md, byte for byte.</summary>
    public async Task<IReadOnlyList<string>> ExportAsync(string folder, CancellationToken ct = default)
    {
        Directory.CreateDirectory(folder);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var released = await (from r in db.PromptTemplateReleases
                              join v in db.PromptTemplateVersions on r.VersionId equals v.Id
                              select v).AsNoTracking().ToListAsync(ct);
        var written = new List<string>();
        foreach (var v in released.OrderBy(v => v.TemplateName, StringComparer.Ordinal))
        {
            var path = Path.Combine(folder, v.TemplateName + TemplateText.Extension);
            await TemplateText.WriteAsync(path, v.FileText, ct);
            written.Add(path);
        }
        return written;
    }

    /// <summary>Reads every *.prompt.md in <paramref name="folder"/> as a version of the template named by the
    /// file; unchanged files find their existing version, invalid ones come back with their errors.</summary>
    public async Task<IReadOnlyList<ImportedFile>> ImportAsync(string folder, StudioUser user, CancellationToken ct = default)
    {
        Access.Demand(user, StudioPermission.EditTemplates);
        if (!Directory.Exists(folder)) throw new TemplateStudioException($"folder not found: {folder}");
        var results = new List<ImportedFile>();
        foreach (var path in Directory.GetFiles(folder, "*" + TemplateText.Extension).Order(StringComparer.Ordinal))
            results.Add(new ImportedFile(path, await SaveFileAsync(path, user.Id, $"imported from {Path.GetFileName(path)}", ct)));
        return results;
    }

    /// <summary>Stores one file as a version. No role check: callers are ImportAsync (checked) and start-up seeding.</summary>
    internal async Task<SaveVersionResult> SaveFileAsync(string path, string user, string note, CancellationToken ct)
    {
        var name = TemplateText.NameOf(path)!;
        string text;
        try { text = TemplateText.Read(path); }
        catch (System.Text.DecoderFallbackException) { return new SaveVersionResult(null, [new SourceError(path, 1, "the file is not valid UTF-8")], false); }
        var result = await SaveCheckedAsync(name, text, user, note, ct);
        // Errors name the file as it is on disk, not the template's canonical file name.
        return result.Succeeded ? result : result with { Errors = result.Errors.Select(e => e with { File = path }).ToList() };
    }
}
