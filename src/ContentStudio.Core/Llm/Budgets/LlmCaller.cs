namespace ContentStudio.Core.Llm.Budgets;

/// <summary>On whose account model calls are made: the user who asked for the work, and the campaign and brand it is
/// for. Ambient (an <see cref="AsyncLocal{T}"/>) because the calls are made deep inside the generator, the corrective
/// turn and the judges, which should not have to carry it: the engine enters it once per task and every call made
/// while the task is worked is counted against it. Calls made outside any caller (none today) count against no budget.</summary>
public sealed record LlmCaller(string User, Guid? CampaignId = null, string? BrandSlug = null)
{
    static readonly AsyncLocal<LlmCaller?> Ambient = new();

    /// <summary>The caller of the code running now, if one was entered.</summary>
    public static LlmCaller? Current => Ambient.Value;

    /// <summary>Makes <paramref name="caller"/> current until the returned scope is disposed.</summary>
    public static IDisposable Enter(LlmCaller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var previous = Ambient.Value;
        Ambient.Value = caller;
        return new Scope(previous);
    }

    sealed class Scope(LlmCaller? previous) : IDisposable
    {
        public void Dispose() => Ambient.Value = previous;
    }
}
