using ContentStudio.Core.Brands;

namespace ContentStudio.Core.Checks;

/// <summary>A frozen list of checks for one brand (or none), safe to share between threads. Checks run in
/// the order they were added; each one's exception becomes an error finding so one broken check never
/// takes the run down or passes an item silently.</summary>
public sealed class CheckPipeline
{
    public const string ErrorRuleId = "check.error";
    private readonly ICheck[] _checks;
    private readonly string[] _categories;

    internal CheckPipeline(IReadOnlyList<ICheck> checks, Brand? brand, string ruleSetVersion)
    {
        _checks = [.. checks];
        Brand = brand;
        RuleSetVersion = ruleSetVersion;
        _categories = [.. checks.SelectMany(c => c.Categories).Distinct()];
    }

    public IReadOnlyList<ICheck> Checks => _checks;
    public Brand? Brand { get; }
    public string RuleSetVersion { get; }
    public IReadOnlyList<string> RuleIds => [.. _checks.SelectMany(c => c.RuleIds).Distinct()];

    /// <summary>Runs every check in order. A check that throws becomes an error finding (a person looks); only the
    /// caller's cancellation stops the run.</summary>
    public async ValueTask<CheckReport> RunAsync(VariantContent content, CancellationToken cancellationToken = default)
    {
        var context = new CheckContext(content, Brand);
        foreach (var check in _checks)
        {
            try { await check.RunAsync(context, cancellationToken); }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                context.Add(new Finding(ErrorRuleId, CheckCategories.CheckError, Severity.Warning, "", 0, 0, "",
                    $"The check {check.GetType().Name} failed ({e.GetType().Name}: {e.Message}); a person must review this item.",
                    null));
            }
        }
        context.AddOverflowSummaries();
        var findings = context.Findings.Count > 1
            ? [.. context.Findings.OrderBy(f => f.Field, StringComparer.Ordinal).ThenBy(f => f.Start).ThenByDescending(f => f.Severity)]
            : context.Findings.ToArray();
        var report = CheckReport.Create(findings, _categories, RuleSetVersion, context.Notes.Count == 0 ? [] : [.. context.Notes]);
        return context.Evidence.Count == 0 ? report : report.WithEvidence([.. context.Evidence]);
    }

    /// <summary>For pipelines whose checks need no model (no live judges: the offline default, `studio check` without
    /// a provider, benchmarks and specs) this completes at once; with live judges it waits for them.</summary>
    public CheckReport Run(VariantContent content)
    {
        var pending = RunAsync(content);
        return pending.IsCompletedSuccessfully ? pending.Result : pending.AsTask().GetAwaiter().GetResult();
    }

    public CheckReport Run(string text, Channels.ChannelKind? channel = null) => Run(VariantContent.FromText(text, channel));
}

/// <summary>Collects checks, then freezes them into a <see cref="CheckPipeline"/> (Markdig's builder style):
/// after <see cref="Build"/> the builder refuses changes, so a pipeline never changes under a running check.</summary>
public sealed class CheckPipelineBuilder(Brand? brand = null)
{
    /// <summary>Bumped when check code changes what it reports; part of every report's rule-set version.</summary>
    public const string CodeVersion = "checks-1.0";
    private readonly List<ICheck> _checks = [];
    private readonly List<string> _dataHashes = [];
    private CheckPipeline? _built;

    public Brand? Brand { get; } = brand;
    public IReadOnlyList<ICheck> Checks => _checks;

    public CheckPipelineBuilder Add(ICheck check)
    {
        if (_built is not null) throw new InvalidOperationException("The pipeline was already built; create a new builder to change it.");
        _checks.Add(check);
        return this;
    }

    /// <summary>Records a data file hash (terms files, ...) so the rule-set version changes with the data.</summary>
    public CheckPipelineBuilder WithDataVersion(string hash)
    {
        if (!_dataHashes.Contains(hash)) _dataHashes.Add(hash);
        return this;
    }

    public bool Has<T>() where T : ICheck => _checks.Any(c => c is T);

    public CheckPipeline Build()
    {
        if (_built is not null) return _built;
        var version = CodeVersion;
        if (_dataHashes.Count > 0) version += "+" + string.Join(".", _dataHashes);
        if (Brand is not null) version += $"/{Brand.Slug}@{(Brand.ContentHash.Length >= 8 ? Brand.ContentHash[..8] : Brand.ContentHash)}";
        return _built = new CheckPipeline(_checks, Brand, version);
    }
}
