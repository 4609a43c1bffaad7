namespace ContentStudio.Core.Kernel;

/// <summary>The one mechanism for live updates. Core services publish after they commit; pages subscribe (through the
/// web app's LiveFeed) before their first read. Subscribers on this instance get a message at once; on PostgreSQL the
/// relay (<c>Data/PostgresLiveRelay</c>) carries it to every other instance too.</summary>
public interface ILiveEvents
{
    void Publish<T>(T message) where T : class, ILiveEvent;

    /// <summary>Calls <paramref name="handler"/> for every message of type <typeparamref name="T"/> (that
    /// <paramref name="filter"/> accepts) until the subscription is disposed. Handlers must be quick (a component only
    /// dispatches to its renderer); one that throws never stops the publisher nor the other handlers.</summary>
    IDisposable Subscribe<T>(Action<T> handler, Func<T, bool>? filter = null) where T : class, ILiveEvent;
}

/// <summary>Where messages published on this instance go besides its own subscribers (the PostgreSQL relay).</summary>
public interface ILiveEventSink
{
    void Forward(ILiveEvent message);
}
