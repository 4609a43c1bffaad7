using System.Diagnostics;
using ContentStudio.Core.Configuration;
using ContentStudio.Core.Publishing;
using ContentStudio.Integration.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ContentStudio.Integration.Tests.Publishing;

/// <summary>The publishing bench (docs/benchmarks.md, "Publishing"): 1,000 signed webhook deliveries to a local
/// receiver by two dispatchers; prints throughput and asserts every delivery arrived exactly once.</summary>
public abstract class PublishingThroughputTests(ITestOutputHelper output) : PublishingTests
{
    protected override void Configure(PublishingOptions options) { options.BatchSize = 32; options.Concurrency = 8; options.LeaseSeconds = 10; }

    [Fact]
    public async Task ThousandDeliveriesArriveOnceEachAndTheRateIsReported()
    {
        await using var receiver = await WebhookReceiver.StartAsync(PublishingStudio.Secret);
        var target = await Studio.WebhookAsync(receiver.Url);
        var (_, variants) = await Studio.SeedAsync(1000);

        var queue = Stopwatch.StartNew();
        await Studio.Get<PublishingService>().PublishAsync(variants.Select(v => v.Id).ToList(), target.Id, PublishingStudio.Manager);
        queue.Stop();
        var send = Stopwatch.StartNew();
        var results = await Task.WhenAll(Studio.NewDispatcher().DrainAsync(), Studio.NewDispatcher().DrainAsync());
        send.Stop();

        results.Sum(r => r.Sent).ShouldBe(1000);
        receiver.Processed.Count.ShouldBe(1000);
        receiver.Requests.Count.ShouldBe(1000);
        receiver.DuplicatesIgnored.ShouldBe(0);
        receiver.Requests.ShouldAllBe(r => r.SignatureValid);
        output.WriteLine($"PUBLISHING BENCH {Studio.Provider}: queued 1000 in {queue.ElapsedMilliseconds} ms; " +
                         $"sent 1000 in {send.ElapsedMilliseconds} ms = {1000 / send.Elapsed.TotalSeconds:0} deliveries/s " +
                         $"(2 dispatchers × {8} concurrent); duplicates 0");
    }
}

public sealed class SqlitePublishingThroughputTests(ITestOutputHelper output) : PublishingThroughputTests(output)
{
    protected override Task<(DatabaseProvider, string, Action?)> CreateDatabaseAsync() =>
        Task.FromResult<(DatabaseProvider, string, Action?)>(TestDatabases.Sqlite());
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresPublishingThroughputTests(PostgresServer server, ITestOutputHelper output) : PublishingThroughputTests(output)
{
    protected override Task<(DatabaseProvider, string, Action?)> CreateDatabaseAsync() =>
        TestDatabases.PostgresAsync(server, nameof(PostgresPublishingThroughputTests));
}
