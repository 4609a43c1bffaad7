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
/// spec and each field's text analysed once (tokens, sentences, quotes) so checks don't re-tokenise.</summary>
public sealed class CheckContext
{
    private readonly List<Finding> _findings = [];
    private readonly List<CheckNote> _notes = [];

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

    public void Add(Finding finding) => _findings.Add(finding);
    public void NotRun(string ruleId, string message) => _notes.Add(new CheckNote(ruleId, message));
}
