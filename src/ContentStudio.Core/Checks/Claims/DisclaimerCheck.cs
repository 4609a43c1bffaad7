using ContentStudio.Core.Brands;

namespace ContentStudio.Core.Checks.Claims;

/// <summary>The disclaimer the brand requires on a channel must appear in the item (spacing and case aside).</summary>
public sealed class DisclaimerCheck(Brand brand) : ITextCheck
{
    public const string RuleId = "claims.disclaimer-missing";

    public IReadOnlyList<string> RuleIds { get; } = [RuleId];
    public IReadOnlyList<string> Categories { get; } = [CheckCategories.Claims];

    public void Run(CheckContext context)
    {
        if (context.Content.Channel is not { } channel || !brand.Disclaimers.TryGetValue(channel, out var disclaimer)) return;
        if (string.IsNullOrWhiteSpace(disclaimer)) return;
        // Fast path: the exact wording; only then compare with spacing and punctuation normalised.
        if (context.Fields.Any(f => f.Text.Contains(disclaimer.Trim(), StringComparison.OrdinalIgnoreCase))) return;
        var wanted = ClaimsCheck.Normalize(disclaimer);
        if (context.Fields.Any(f => ClaimsCheck.Normalize(f.Text).Contains(wanted, StringComparison.Ordinal))) return;
        var last = context.Fields.Count > 0 ? context.Fields[^1] : null;
        context.Add(new Finding(RuleId, CheckCategories.Claims, Severity.Blocker, last?.Name ?? "", last?.Text.Length ?? 0, 0, "",
            $"The {channel} disclaimer required by {brand.Name} is missing.", disclaimer));
    }
}
