namespace ContentStudio.Core.Publishing;

/// <summary>Some variants may not be published; nothing was queued. <see cref="Reasons"/> names each variant and why.</summary>
public sealed class PublishRefusedException(IReadOnlyList<string> reasons)
    : PublishingException($"Nothing was published: {reasons.Count} variant(s) refused:\n  " + string.Join("\n  ", reasons))
{
    public IReadOnlyList<string> Reasons { get; } = reasons;
}
