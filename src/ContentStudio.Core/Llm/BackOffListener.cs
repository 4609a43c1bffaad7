namespace ContentStudio.Core.Llm;

/// <summary>Lets the code a model call is made for hear when the call is backing off: between a failed attempt and
/// the next one it holds no slot of the provider and is waiting out a Retry-After or a back-off, so whoever bounds how
/// much work is in progress (the generation engine) can start other work meanwhile instead of counting a sleeping call
/// as busy. Ambient, like <see cref="Budgets.LlmCaller"/>: the calls are made deep inside the generator and the judges.</summary>
public static class BackOffListener
{
    static readonly AsyncLocal<Action<bool>?> Ambient = new();

    /// <summary>Until the returned scope is disposed, <paramref name="backingOff"/> hears true when a call made from this
    /// flow starts backing off and false when it stops (its next attempt is about to ask for a slot, or the call ended).</summary>
    public static IDisposable Listen(Action<bool> backingOff)
    {
        ArgumentNullException.ThrowIfNull(backingOff);
        var previous = Ambient.Value;
        Ambient.Value = backingOff;
        return new Scope(previous);
    }

    internal static void Report(bool backingOff) => Ambient.Value?.Invoke(backingOff);

    sealed class Scope(Action<bool>? previous) : IDisposable
    {
        public void Dispose() => Ambient.Value = previous;
    }
}
