namespace ContentStudio.Core.Checks;

/// <summary>Where an item goes after its checks: clean items may be bulk-approved, the rest need a person,
/// blocked items need an override with a justification.</summary>
public enum Gate { Clean, NeedsReview, Blocked }

/// <summary>The result of checking one variant (or one campaign).</summary>
public sealed class CheckReport
{
    public required IReadOnlyList<Finding> Findings { get; init; }
    /// <summary>0–100 per category that has findings or was checked; 100 means nothing found.</summary>
    public required IReadOnlyDictionary<string, int> CategoryScores { get; init; }
    public required int Score { get; init; }
    public required Gate Gate { get; init; }
    public required string RuleSetVersion { get; init; }
    public IReadOnlyList<CheckNote> NotRun { get; init; } = [];
    /// <summary>Approved claims the item states, each with the evidence the brand holds for it.</summary>
    public IReadOnlyList<ClaimEvidence> Evidence { get; init; } = [];

    internal CheckReport WithEvidence(IReadOnlyList<ClaimEvidence> evidence) => new()
    {
        Findings = Findings, CategoryScores = CategoryScores, Score = Score, Gate = Gate, RuleSetVersion = RuleSetVersion,
        NotRun = NotRun, Evidence = evidence,
    };

    public bool Reaches(Severity severity) => Findings.Any(f => f.Severity >= severity);

    /// <summary>Scores findings: each takes points off its category (blocker 60, warning 20, info 5, floored
    /// at 0); the overall score takes the same points off 100, and any blocker caps it at 40 so a blocked item
    /// never looks "mostly fine". Categories in <paramref name="checkedCategories"/> without findings score 100.</summary>
    public static CheckReport Create(IReadOnlyList<Finding> findings, IEnumerable<string> checkedCategories,
        string ruleSetVersion, IReadOnlyList<CheckNote>? notRun = null)
    {
        var scores = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var c in checkedCategories) scores[c] = 100;
        var total = 0;
        var gate = Gate.Clean;
        foreach (var f in findings)
        {
            var penalty = Penalty(f.Severity);
            total += penalty;
            scores[f.Category] = Math.Max(0, (scores.TryGetValue(f.Category, out var s) ? s : 100) - penalty);
            if (f.Severity == Severity.Blocker) gate = Gate.Blocked;
            else if (f.Severity == Severity.Warning && gate == Gate.Clean) gate = Gate.NeedsReview;
        }
        var score = Math.Max(0, 100 - total);
        if (gate == Gate.Blocked) score = Math.Min(score, 40);
        return new CheckReport
        {
            Findings = findings,
            CategoryScores = scores,
            Score = score,
            Gate = gate,
            RuleSetVersion = ruleSetVersion,
            NotRun = notRun ?? [],
        };
    }

    public static int Penalty(Severity s) => s switch { Severity.Blocker => 60, Severity.Warning => 20, _ => 5 };
}
