using System.Text.Json;
using System.Threading.Channels;
using ContentStudio.Core.Configuration;
using ContentStudio.Core.Kernel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ContentStudio.Core.Data.Live;

/// <summary>Carries live messages between instances that share one PostgreSQL database, with LISTEN/NOTIFY: what one
/// instance publishes is sent as a notification on one channel, and every other instance (listening on one dedicated
/// connection) delivers it to its own subscribers, so a second web instance's browsers see queue and run updates too.
/// Notifications are best effort, like the pages' live updates themselves: a lost one is made good by the page's next
/// read. With SQLite (one instance) it does nothing.</summary>
public sealed class PostgresLiveRelay(IServiceProvider services, IOptions<DatabaseOptions> database, IEnumerable<LiveEventType> types,
    ILogger<PostgresLiveRelay> logger) : BackgroundService, ILiveEventSink
{
    public const string ChannelName = "contentstudio_live";
    // NOTIFY payloads are limited to 8,000 bytes; our messages are a few hundred.
    private const int MaxPayload = 7_900;
    private readonly string _origin = Guid.NewGuid().ToString("N");
    private readonly Dictionary<string, Type> _types = types.GroupBy(t => t.Name).ToDictionary(g => g.Key, g => g.First().Type);
    private readonly Channel<string> _outbound = Channel.CreateBounded<string>(new BoundedChannelOptions(10_000)
        { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
    private volatile bool _running;

    private bool Enabled => database.Value.Provider == DatabaseProvider.PostgreSql;

    /// <summary>Resolves once listening has started (tests wait for it before publishing on another instance).</summary>
    public Task Listening => _listening.Task;
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Forward(ILiveEvent message)
    {
        if (!_running || !_types.ContainsKey(message.GetType().Name)) return;
        var payload = JsonSerializer.Serialize(new Envelope(_origin, message.GetType().Name,
            JsonSerializer.SerializeToElement(message, message.GetType(), StudioJson.Options)), StudioJson.Options);
        if (payload.Length <= MaxPayload) _outbound.Writer.TryWrite(payload);
        else logger.LogWarning("Live message {Type} is too large to relay ({Length} characters)", message.GetType().Name, payload.Length);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled) { _listening.TrySetResult(); return; }
        _running = true;
        try { await Task.WhenAll(ListenAsync(stoppingToken), SendAsync(stoppingToken)); }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
        finally { _running = false; }
    }

    private async Task ListenAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(database.Value.ConnectionString);
                await connection.OpenAsync(ct);
                connection.Notification += (_, e) => Receive(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {ChannelName}", connection)) await listen.ExecuteNonQueryAsync(ct);
                _listening.TrySetResult();
                while (!ct.IsCancellationRequested) await connection.WaitAsync(ct);
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                // The database restarted or the network blipped: listen again shortly (messages meanwhile are lost).
                logger.LogWarning(e, "Live relay lost its LISTEN connection; reconnecting");
                await Task.Delay(TimeSpan.FromSeconds(1), ct);
            }
        }
    }

    private async Task SendAsync(CancellationToken ct)
    {
        // A burst (a run's progress after every task) goes out on one connection, until the queue is empty.
        while (await _outbound.Reader.WaitToReadAsync(ct))
        {
            try
            {
                await using var connection = new NpgsqlConnection(database.Value.ConnectionString);
                await connection.OpenAsync(ct);
                await using var notify = new NpgsqlCommand("SELECT pg_notify(@channel, @payload)", connection);
                notify.Parameters.AddWithValue("channel", ChannelName);
                var payload = notify.Parameters.AddWithValue("payload", "");
                while (_outbound.Reader.TryRead(out var next))
                {
                    payload.Value = next;
                    await notify.ExecuteNonQueryAsync(ct);
                }
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                logger.LogWarning(e, "Live relay could not send a message to the other instances");
                // The database is away: wait rather than spin; the queue keeps the newest messages meanwhile.
                await Task.Delay(TimeSpan.FromSeconds(1), ct);
            }
        }
    }

    private void Receive(string payload)
    {
        try
        {
            var envelope = JsonSerializer.Deserialize<Envelope>(payload, StudioJson.Options);
            if (envelope is null || envelope.Origin == _origin || !_types.TryGetValue(envelope.Type, out var type)) return;
            if (envelope.Data.Deserialize(type, StudioJson.Options) is ILiveEvent message)
                services.GetRequiredService<LiveEvents>().Receive(message);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException)
        {
            logger.LogWarning(e, "Live relay ignored a message it could not read");
        }
    }

    private sealed record Envelope(string Origin, string Type, JsonElement Data);
}
