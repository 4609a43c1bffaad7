using System.Collections.Concurrent;
using ContentStudio.Core.Brands;
using ContentStudio.Core.Channels;
using ContentStudio.Core.Data;
using Microsoft.EntityFrameworkCore;
using ContentStudio.Core.Kernel;
using ContentStudio.Core.Prompts;

namespace ContentStudio.Core.TemplateStudio;

/// <summary>Serves the RELEASED version of each template from the database, so generation writes with what passed
/// the gate and each variant records that version's label. Each version is parsed once and cached by id; the
/// list of releases is re-read at most every <see cref="RefreshInterval"/> (other processes may release) and at
/// once after a release in this process. A channel with no released template falls back to the file catalog, so
/// a database that was not seeded yet still generates.</summary>
public sealed class ReleasedPromptCatalog(IDbContextFactory<StudioDbContext> dbFactory, PromptCatalog? files = null, TimeProvider? time = null) : IPromptCatalog
{
    private sealed record Snapshot(IReadOnlyList<PromptTemplate> Templates, IReadOnlyList<SourceError> Errors, long LoadedAt);

    private readonly ConcurrentDictionary<Guid, PromptParseResult> _parsed = new();
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly Lock _gate = new();
    private volatile Snapshot? _snapshot;

    public TimeSpan RefreshInterval { get; init; } = TimeSpan.FromSeconds(5);

    public IReadOnlyList<PromptTemplate> Templates => Current().Templates;
    public IReadOnlyList<SourceError> Errors => Current().Errors;

    public PromptTemplate? ForChannel(ChannelKind channel)
    {
        var candidates = Templates.Where(t => t.Channel == channel).ToList();
        var key = ChannelCatalog.Get(channel).Key;
        return candidates.FirstOrDefault(t => t.Name == key) ?? candidates.FirstOrDefault() ?? files?.ForChannel(channel);
    }

    public PromptTemplate? Find(string name) => Templates.FirstOrDefault(t => t.Name == name);

    /// <summary>Parses one stored version (cached by id): what generation and evaluation use for it.</summary>
    public PromptParseResult Parse(PromptTemplateVersion version) =>
        _parsed.GetOrAdd(version.Id, _ => PromptTemplateParser.Parse($"{version.TemplateName}{TemplateText.Extension}@v{version.Number}", version.FileText));

    /// <summary>Forget the release list (not the parsed versions): the next read goes to the database.</summary>
    public void Invalidate() => _snapshot = null;

    private Snapshot Current()
    {
        var s = _snapshot;
        if (s is not null && _time.GetElapsedTime(s.LoadedAt) < RefreshInterval) return s;
        lock (_gate)
        {
            s = _snapshot;
            if (s is not null && _time.GetElapsedTime(s.LoadedAt) < RefreshInterval) return s;
            return _snapshot = Load();
        }
    }

    // IPromptCatalog is synchronous; a small query every few seconds is cheaper than making every caller async.
    private Snapshot Load()
    {
        try
        {
            using var db = dbFactory.CreateDbContext();
            var released = (from r in db.PromptTemplateReleases
                            join v in db.PromptTemplateVersions on r.VersionId equals v.Id
                            select new { v.Id, v.TemplateName, v.Number }).AsNoTracking().ToList();
            var missing = released.Where(r => !_parsed.ContainsKey(r.Id)).Select(r => r.Id).ToList();
            if (missing.Count > 0)
                foreach (var v in db.PromptTemplateVersions.AsNoTracking().Where(v => missing.Contains(v.Id)).ToList())
                    Parse(v);
            var templates = new List<PromptTemplate>();
            var errors = new List<SourceError>();
            foreach (var r in released.OrderBy(r => r.TemplateName, StringComparer.Ordinal))
            {
                var result = _parsed[r.Id];
                errors.AddRange(result.Errors);
                if (result.Template is { } t) templates.Add(t);
            }
            return new Snapshot(templates, errors, _time.GetTimestamp());
        }
        catch (Exception e) when (e is InvalidOperationException or System.Data.Common.DbException)
        {
            // Not migrated yet, or the database is down: say so and let the file catalog serve.
            return new Snapshot([], [new SourceError("database", 0, $"released prompt templates could not be read: {e.Message}")], _time.GetTimestamp());
        }
    }
}
