using ContentStudio.Core.Channels;

namespace ContentStudio.Core.Kernel;

/// <summary>One stored piece of generated copy with its provenance. At most one per task (TaskId is unique),
/// so two workers racing on a task can never both keep their output.</summary>
public sealed class Variant
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid TaskId { get; set; }
    public Guid CampaignId { get; set; }
    public Guid RunId { get; set; }
    public string SegmentKey { get; set; } = "";
    public ChannelKind Channel { get; set; }
    public int VariantIndex { get; set; }
    /// <summary>The fields as a JSON object (see <see cref="VariantFields"/>).</summary>
    public string FieldsJson { get; set; } = "{}";
    /// <summary>What the model returned, kept verbatim so a person can see why it needs attention.</summary>
    public string RawOutput { get; set; } = "";
    public VariantOutcome Outcome { get; set; }
    public string? Problem { get; set; }
    public string TemplateName { get; set; } = "";
    public string TemplateVersion { get; set; } = "";
    public string Provider { get; set; } = "";
    public string Model { get; set; } = "";
    public string PromptHash { get; set; } = "";
    public int InputTokens { get; set; }
    public int OutputTokens { get; set; }
    public long LatencyMs { get; set; }
    public int Attempts { get; set; }
    /// <summary>SHA-256 of the canonical fields JSON: approvals bind to it.</summary>
    public string ContentHash { get; set; } = "";
    /// <summary>Stored as the state's name. Set when a variant is created (Generated, unless seeded or imported in
    /// another state) and changed afterwards only through <see cref="Apply"/>, so every change follows the one
    /// transition table (<see cref="ReviewTransitions"/>).</summary>
    public ReviewState ReviewState { get => _reviewState; init => _reviewState = value; }
    private ReviewState _reviewState = ReviewState.Generated;
    public DateTime CreatedUtc { get; set; }
    public Guid ConcurrencyToken { get; set; } = Guid.NewGuid();
    /// <summary>Where the item checks sent this variant (null when it could not be checked: no fields).</summary>
    public Checks.Gate? CheckGate { get; set; }
    /// <summary>0–100 overall score of the item checks.</summary>
    public int? CheckScore { get; set; }
    /// <summary>The item check report (see <see cref="Checks.StoredReports"/>).</summary>
    public string? CheckReportJson { get; set; }
    /// <summary>Findings of the campaign checks (fairness, consistency, near-duplicates) that point at this variant.</summary>
    public string? CampaignFindingsJson { get; set; }
    /// <summary>Who has claimed this variant in the review queue (their sign-in name); null when nobody holds it.
    /// Changed only with a conditional UPDATE, never through the concurrency token (a claim is no content change).</summary>
    public string? AssignedTo { get; set; }
    public DateTime? ClaimedUtc { get; set; }

    public IReadOnlyDictionary<string, string> Fields => VariantFields.Read(FieldsJson);

    public VariantProvenance Provenance =>
        new(TemplateName, TemplateVersion, Provider, Model, PromptHash, InputTokens, OutputTokens, LatencyMs, Attempts);

    /// <summary>The one way a variant's review state changes: <paramref name="action"/> through the transition table,
    /// or an <see cref="IllegalTransitionException"/> naming the current state and what is allowed instead.</summary>
    public ReviewStep Apply(ReviewAction action)
    {
        var from = _reviewState;
        _reviewState = ReviewTransitions.Next(from, action);
        return new ReviewStep(from, _reviewState);
    }

    /// <summary>Like <see cref="Apply"/>, but false (and no change) when the table does not allow it.</summary>
    public bool TryApply(ReviewAction action, out ReviewStep step)
    {
        var allowed = ReviewTransitions.TryNext(_reviewState, action, out var to);
        step = new ReviewStep(_reviewState, allowed ? to : _reviewState);
        _reviewState = step.To;
        return allowed;
    }
}
