using ContentStudio.Core.Brands;
using ContentStudio.Core.Channels;
using ContentStudio.Core.Checks.Analysis;

namespace ContentStudio.Core.Checks;

/// <summary>One small check. It names the rules it owns and adds findings to the context; it must not keep
/// per-run state (a pipeline is built once per brand and shared by threads). Asynchronous, because some checks ask a
/// model (the LLM judges); the rest are <see cref="ITextCheck"/>s, which complete at once.</summary>
public interface ICheck
{
    IReadOnlyList<string> RuleIds { get; }
    /// <summary>The categories this check scores (a category with no finding scores 100).</summary>
    IReadOnlyList<string> Categories { get; }
    ValueTask RunAsync(CheckContext context, CancellationToken cancellationToken);
}

/// <summary>A check that reads only the text (no I/O): it implements <see cref="Run"/>, and running it asynchronously
/// completes synchronously, so the per-variant hot path allocates no task for it.</summary>
public interface ITextCheck : ICheck
{
    void Run(CheckContext context);

    ValueTask ICheck.RunAsync(CheckContext context, CancellationToken cancellationToken)
    {
        Run(context);
        return ValueTask.CompletedTask;
    }
}

/// <summary>The copy to check: its channel (null when unknown, e.g. `studio check` without --channel)
/// and its fields by name. <see cref="PromptText"/>, when known, lets the leakage check spot prompt echoes.</summary>
public sealed record VariantContent(ChannelKind? Channel, IReadOnlyDictionary<string, string> Fields)
{
    public string? PromptText { get; init; }
    /// <summary>The audience the copy was written for, when known (the judges read it).</summary>
    public Segments.Segment? Segment { get; init; }
    /// <summary>The brief the copy was written for, when known: its offer is not a claim, and the copy-integrity checks
    /// ask it (with the guide and the approved claims) where each fact came from.</summary>
    public Campaigns.CampaignBrief? Brief { get; init; }

    public static VariantContent FromText(string text, ChannelKind? channel = null) =>
        new(channel, new Dictionary<string, string> { [DefaultField(channel)] = text });

    /// <summary>The field a bare text goes into: the channel's main prose field.</summary>
    public static string DefaultField(ChannelKind? channel) => channel switch
    {
        ChannelKind.Ad => "description",
        ChannelKind.Social => "post",
        ChannelKind.LandingHero => "subheadline",
        _ => "body",
    };
}

/// <summary>What a check sees: the content, the brand (null = brand-independent checks only), the channel
/// spec and each field's text analysed once (tokens, sentences, quotes) so checks don't re-tokenise.
/// Findings are bounded: past <see cref="MaxFindingsPerRule"/> of one rule the rest are counted, and the pipeline adds
/// one "and N more" finding for them, so pathological copy cannot produce a report nobody can open.</summary>
public sealed class CheckContext
{
    /// <summary>The most findings one rule reports on one item; the rest become one "and N more" finding.</summary>
    public const int MaxFindingsPerRule = 50;
    private readonly List<Finding> _findings = [];
    private readonly List<CheckNote> _notes = [];
    private readonly List<ClaimEvidence> _evidence = [];
    private Dictionary<string, (int Count, Finding Last)>? _perRule;

    public CheckContext(VariantContent content, Brand? brand)
    {
        Content = content;
        Brand = brand;
        Channel = content.Channel is { } kind ? ChannelCatalog.Get(kind) : null;
        var fields = new List<AnalyzedField>(content.Fields.Count);
        foreach (var (name, text) in content.Fields) fields.Add(new AnalyzedField(name, text ?? ""));
        Fields = fields;
    }

    public VariantContent Content { get; }
    public Brand? Brand { get; }
    public ChannelSpec? Channel { get; }
    public IReadOnlyList<AnalyzedField> Fields { get; }
    public IReadOnlyList<Finding> Findings => _findings;
    public IReadOnlyList<CheckNote> Notes => _notes;
    /// <summary>Approved claims the copy states, with their evidence (for the report and the export manifest).</summary>
    public IReadOnlyList<ClaimEvidence> Evidence => _evidence;

    public void Add(Finding finding)
    {
        if (Brand is { RuleSeverities.Count: > 0 } && BrandSeverity(finding.RuleId) is { } severity && severity != finding.Severity)
            finding = finding with { Severity = severity };
        _perRule ??= new Dictionary<string, (int, Finding)>(StringComparer.Ordinal);
        var count = _perRule.TryGetValue(finding.RuleId, out var seen) ? seen.Count + 1 : 1;
        var worst = seen.Last is { } last && last.Severity > finding.Severity ? last : finding;
        _perRule[finding.RuleId] = (count, count <= MaxFindingsPerRule ? finding : worst);
        if (count <= MaxFindingsPerRule) _findings.Add(finding);
    }

    /// <summary>The severity the brand sets for a rule: its own id, else the longest family it belongs to ("brand.voice"
    /// covers "brand.voice.all-caps").</summary>
    private Severity? BrandSeverity(string ruleId)
    {
        var severities = Brand!.RuleSeverities;
        for (var key = ruleId; key.Length > 0; key = key.LastIndexOf('.') is var dot and > 0 ? key[..dot] : "")
            if (severities.TryGetValue(key, out var severity)) return severity;
        return null;
    }

    /// <summary>True once a rule has reported as many findings as an item shows; checks may stop looking.</summary>
    public bool IsFull(string ruleId) => _perRule is not null && _perRule.TryGetValue(ruleId, out var seen) && seen.Count > MaxFindingsPerRule * 4;

    public void AddEvidence(ClaimEvidence evidence)
    {
        if (_evidence.Count < MaxFindingsPerRule) _evidence.Add(evidence);
    }

    public void NotRun(string ruleId, string message) => _notes.Add(new CheckNote(ruleId, message));

    /// <summary>One "and N more" finding per rule that reported more than <see cref="MaxFindingsPerRule"/> findings, with
    /// the category and worst severity of the ones left out.</summary>
    internal void AddOverflowSummaries()
    {
        if (_perRule is null) return;
        foreach (var (rule, (count, worst)) in _perRule)
        {
            if (count <= MaxFindingsPerRule) continue;
            var more = count > MaxFindingsPerRule * 4 ? $"more than {count - MaxFindingsPerRule - 1}" : $"{count - MaxFindingsPerRule}";
            _findings.Add(new Finding(rule, worst.Category, worst.Severity, worst.Field, 0, 0, "",
                $"and {more} more {rule} finding(s) in this item, not listed one by one; fix the ones above and check again."));
        }
    }
}

/// <summary>An approved claim the copy states: where, the approved wording and the evidence on file for it.</summary>
public sealed record ClaimEvidence(string Field, int Start, int Length, string Claim, string Evidence);
