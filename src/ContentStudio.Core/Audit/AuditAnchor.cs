using ContentStudio.Core.Kernel;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ContentStudio.Core.Configuration;
using ContentStudio.Core.Data;

namespace ContentStudio.Core.Audit;

/// <summary>One recorded head of the chain: "at <see cref="AtUtc"/> the log ended at <see cref="Sequence"/> with
/// <see cref="Hash"/>". <see cref="Mac"/> is HMAC-SHA256 with the chain key over the other fields, so a line cannot be
/// forged by someone who lacks the key. <see cref="Line"/> is the line number in the file (not stored).</summary>
public sealed record AuditAnchorLine(long Sequence, string Hash, int ChainVersion, DateTime AtUtc, string Mac)
{
    [JsonIgnore] public int Line { get; init; }
}

/// <summary>What the anchor file holds: its readable lines, and the lines that could not be read.</summary>
public sealed record AuditAnchorReading(IReadOnlyList<AuditAnchorLine> Lines, IReadOnlyList<string> Problems);

/// <summary>Keeps the chain's head outside the database, in an append-only file (one JSON object a line). The chain
/// alone cannot show that its newest events were removed, or that the whole tail was rewritten by someone holding
/// the key; a head recorded elsewhere can. Written every <see cref="AuditOptions.AnchorEveryEvents"/> events, every
/// <see cref="AuditOptions.AnchorIntervalSeconds"/> by the web process, and at every successful verify; each line is
/// also sent to Audit:AnchorWebhookUrl when configured (<see cref="AuditAnchorWebhook"/>).</summary>
public sealed class AuditAnchor(IDbContextFactory<StudioDbContext> dbFactory, AuditChainKey keys, IOptions<AuditOptions> options,
    StudioPaths paths, TimeProvider clock, AuditAnchorWebhook? webhook = null)
{
    private static JsonSerializerOptions Json => StudioJson.Options;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly SemaphoreSlim _due = new(0, 1);
    private long _lastAnchored = -1;
    private long _requested; // the highest sequence an append asked to have anchored

    public string FilePath { get; } = Path.Combine(paths.Data, options.Value.AnchorFile);

    /// <summary>Completes when appends asked for an anchor (the worker waits on it beside its timer).</summary>
    internal Task<bool> WaitUntilDueAsync(TimeSpan timeout, CancellationToken ct) => _due.WaitAsync(timeout, ct);

    /// <summary>Called on each append with its sequence number: every Nth event asks for an anchor. The append's
    /// transaction may not have committed yet, so the anchor is written later, of whatever head is committed then.</summary>
    internal void NoteAppended(long sequence)
    {
        if (sequence % options.Value.AnchorEveryEvents != 0) return;
        for (var seen = Interlocked.Read(ref _requested); seen < sequence; seen = Interlocked.Read(ref _requested))
            if (Interlocked.CompareExchange(ref _requested, sequence, seen) == seen) break;
        try { _due.Release(); } catch (SemaphoreFullException) { } // already asked
    }

    /// <summary>What the worker anchors when it wakes: the committed head, once it has reached the event that asked for
    /// the anchor. That event's transaction usually commits a moment after the ask; if it never does (rolled back),
    /// the head that is committed after <paramref name="patience"/> is anchored instead.</summary>
    internal async Task<AuditAnchorLine?> AnchorRequestedHeadAsync(TimeSpan patience, CancellationToken ct = default)
    {
        var wanted = Interlocked.Read(ref _requested);
        var waited = System.Diagnostics.Stopwatch.StartNew(); // real time: a test's fixed clock must not make this wait forever
        while (true)
        {
            var head = await CommittedHeadAsync(ct);
            if (head is null || head.Value.Sequence >= wanted || waited.Elapsed >= patience)
                return head is null ? null : await WriteAsync(head.Value.Sequence, head.Value.Hash, head.Value.ChainVersion, ct);
            await Task.Delay(TimeSpan.FromMilliseconds(25), ct);
        }
    }

    /// <summary>Records the committed head unless it is the one anchored last. Returns the line written, if any.</summary>
    public async Task<AuditAnchorLine?> AnchorCommittedHeadAsync(CancellationToken ct = default)
    {
        var head = await CommittedHeadAsync(ct);
        return head is null ? null : await WriteAsync(head.Value.Sequence, head.Value.Hash, head.Value.ChainVersion, ct);
    }

    private async Task<(long Sequence, string Hash, int ChainVersion)?> CommittedHeadAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var head = await db.AuditEvents.AsNoTracking().OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Hash, e.ChainVersion }).FirstOrDefaultAsync(ct);
        return head is null ? null : (head.Sequence, head.Hash, head.ChainVersion);
    }

    /// <summary>Appends a line for this head (skipped when it repeats the last line this process wrote).</summary>
    public async Task<AuditAnchorLine?> WriteAsync(long sequence, string hash, int chainVersion, CancellationToken ct = default)
    {
        await _gate.WaitAsync(ct);
        try
        {
            if (sequence == Interlocked.Read(ref _lastAnchored)) return null;
            var at = AuditHash.Truncate(clock.GetUtcNow().UtcDateTime);
            // A keyed head needs the key it was written with; making a new one here would orphan every keyed event.
            var key = chainVersion == AuditChainVersions.Unkeyed ? keys.GetOrCreate() : keys.TryGet() ?? throw keys.Missing();
            var line = new AuditAnchorLine(sequence, hash, chainVersion, at, Mac(key, sequence, hash, chainVersion, at));
            Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
            // One write of one whole line in append mode: writers in other processes interleave by line, not by byte.
            await using (var file = new FileStream(FilePath, FileMode.Append, FileAccess.Write, FileShare.ReadWrite))
            {
                await file.WriteAsync(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(line, Json) + "\n"), ct);
                await file.FlushAsync(ct);
            }
            Interlocked.Exchange(ref _lastAnchored, sequence);
            webhook?.Offer(line); // and to the webhook, when one is configured: in the background, never waited for
            return line;
        }
        finally { _gate.Release(); }
    }

    /// <summary>Reads every line. A line that is not an anchor is reported, except an unterminated last line (a write
    /// cut short by a crash), which is skipped.</summary>
    public AuditAnchorReading Read()
    {
        if (!File.Exists(FilePath)) return new([], []);
        var text = File.ReadAllText(FilePath);
        var raw = text.Split('\n');
        var lines = new List<AuditAnchorLine>();
        var problems = new List<string>();
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i].Trim().Length == 0) continue;
            var parsed = Parse(raw[i]);
            if (parsed is not null) lines.Add(parsed with { Line = i + 1 });
            else if (i < raw.Length - 1) problems.Add($"{FilePath} line {i + 1} is not an anchor record");
        }
        return new(lines, problems);
    }

    /// <summary>True when <paramref name="line"/> was written with <paramref name="key"/>.</summary>
    public static bool IsAuthentic(AuditAnchorLine line, byte[] key) =>
        AuditHash.Matches(Mac(key, line.Sequence, line.Hash, line.ChainVersion, line.AtUtc), line.Mac);

    private static AuditAnchorLine? Parse(string line)
    {
        try
        {
            var a = JsonSerializer.Deserialize<AuditAnchorLine>(line, Json);
            return a is { Sequence: > 0, Hash.Length: > 0, Mac.Length: > 0 } ? a with { AtUtc = DateTime.SpecifyKind(a.AtUtc, DateTimeKind.Utc) } : null;
        }
        catch (JsonException) { return null; }
    }

    private static string Mac(byte[] key, long sequence, string hash, int chainVersion, DateTime at) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(JsonSerializer.Serialize((string[])
            ["audit-anchor/1", sequence.ToString(CultureInfo.InvariantCulture), hash, chainVersion.ToString(CultureInfo.InvariantCulture), AuditHash.FormatTime(at)]))));
}
