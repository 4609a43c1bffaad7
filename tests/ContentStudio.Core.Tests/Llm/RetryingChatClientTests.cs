using ContentStudio.Testing;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using ContentStudio.Core.Llm;
using Microsoft.Extensions.AI;

namespace ContentStudio.Core.Tests.Llm;

public class RetryingChatClientTests
{
    static LlmOptions Fast(int maxRetries = 3, double attemptTimeout = 0.2, double totalTimeout = 3, int minimumThroughput = 100) => new()
    {
        MaxRetries = maxRetries,
        RetryBaseDelayMilliseconds = 5,
        AttemptTimeoutSeconds = attemptTimeout,
        TotalTimeoutSeconds = totalTimeout,
        CircuitBreakerMinimumThroughput = minimumThroughput,
        CircuitBreakerBreakDurationSeconds = 1,
        CircuitBreakerSamplingDurationSeconds = 10,
    };

    static ModelCallException Http(int status, TimeSpan? retryAfter = null) =>
        new($"HTTP {status}", ModelFailureKind.Http, ModelCallException.IsTransientStatus(status), status, retryAfter);

    static Task<ChatResponse> Hang(TestChatClient.CallInfo call) => Task.Delay(Timeout.Infinite, call.Token).ContinueWith<ChatResponse>(_ => throw new OperationCanceledException(call.Token));

    [Fact]
    public async Task RetriesTransientFailuresThenReturnsTheAnswerWithTheAttemptCount()
    {
        var fake = new TestChatClient().ThenThrow(Http(500)).ThenThrow(Http(503)).ThenReply("ok");
        var response = await new RetryingChatClient(fake, Fast()).GetResponseAsync("hi");
        response.Text.ShouldBe("ok");
        fake.Calls.Count.ShouldBe(3);
        response.AdditionalProperties![RetryingChatClient.AttemptsPropertyKey].ShouldBe(3);
    }

    sealed class ListLogger : Microsoft.Extensions.Logging.ILogger
    {
        public List<string> Lines { get; } = [];
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => true;
        public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state,
            Exception? exception, Func<TState, Exception?, string> formatter) => Lines.Add(formatter(state, exception));
    }

    [Fact]
    public async Task LogsEachRetryWithItsReason()
    {
        var logger = new ListLogger();
        var fake = new TestChatClient().ThenThrow(Http(502)).ThenReply("ok");
        await new RetryingChatClient(fake, Fast(), logger: logger).GetResponseAsync("hi");
        logger.Lines.Single().ShouldStartWith("Model call attempt 1 failed (HTTP 502); retrying in");
    }

    [Fact]
    public async Task DoesNotRetryAClientError()
    {
        var fake = new TestChatClient().ThenThrow(Http(400)).ThenReply("never");
        var e = await Should.ThrowAsync<ModelCallException>(() => new RetryingChatClient(fake, Fast()).GetResponseAsync("hi"));
        e.StatusCode.ShouldBe(400);
        e.Attempts.ShouldBe(1);
        fake.Calls.Count.ShouldBe(1);
    }

    [Fact]
    public async Task GivesUpAfterMaxRetriesWithTheLastFailure()
    {
        var fake = new TestChatClient().ThenThrow(Http(503));
        var e = await Should.ThrowAsync<ModelCallException>(() => new RetryingChatClient(fake, Fast(maxRetries: 2)).GetResponseAsync("hi"));
        e.StatusCode.ShouldBe(503);
        e.Attempts.ShouldBe(3);
        fake.Calls.Count.ShouldBe(3);
    }

    [Fact]
    public async Task WaitsAsLongAsRetryAfterAsksInsteadOfTheShortBackoff()
    {
        var log = new RetryLog();
        var fake = new TestChatClient().ThenThrow(Http(429, TimeSpan.FromMilliseconds(600))).ThenReply("ok");
        await new RetryingChatClient(fake, Fast(), logger: log).GetResponseAsync("hi");
        log.DelaysMs.Single().ShouldBe(600); // exactly what the server asked for, not the 5 ms back-off
        (fake.Calls[1].AtUtc - fake.Calls[0].AtUtc).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(580)); // and really waited
    }

    [Fact]
    public async Task FailsAtOnceWhenRetryAfterIsLongerThanTheWholeCallMayTake()
    {
        var fake = new TestChatClient().ThenThrow(Http(429, TimeSpan.FromSeconds(30))).ThenReply("never");
        var log = new RetryLog();
        var clock = Stopwatch.StartNew();
        var e = await Should.ThrowAsync<ModelCallException>(() => new RetryingChatClient(fake, Fast(totalTimeout: 3), logger: log).GetResponseAsync("hi"));
        log.DelaysMs.ShouldBeEmpty(); // no retry was scheduled at all
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10)); // far from the 30 s asked for, roomy for a stalled machine
        (e.StatusCode, e.RetryAfter).ShouldBe((429, TimeSpan.FromSeconds(30)));
        fake.Calls.Count.ShouldBe(1);
    }

    [Fact]
    public async Task BacksOffBrieflyWhenNoRetryAfterIsGiven()
    {
        // The wait the retry chose, as it logs it: a wall-clock gap would also measure a busy CI machine's stalls.
        var log = new RetryLog();
        var fake = new TestChatClient().ThenThrow(Http(429)).ThenReply("ok");
        await new RetryingChatClient(fake, Fast(), logger: log).GetResponseAsync("hi");
        fake.Calls.Count.ShouldBe(2);
        log.DelaysMs.Single().ShouldBeLessThan(100); // exponential back-off from 5 ms with jitter, not a Retry-After-sized wait
    }

    /// <summary>Collects the "retrying in N ms" the retry strategy logs.</summary>
    sealed class RetryLog : Microsoft.Extensions.Logging.ILogger
    {
        public List<long> DelaysMs { get; } = [];
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => true;
        public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state,
            Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (state is IEnumerable<KeyValuePair<string, object?>> values && values.FirstOrDefault(v => v.Key == "DelayMs").Value is long ms)
                lock (DelaysMs) DelaysMs.Add(ms);
        }
    }

    [Fact]
    public async Task AbandonsAHungAttemptAndRetries()
    {
        var fake = new TestChatClient().Then(Hang).ThenReply("ok");
        var response = await new RetryingChatClient(fake, Fast()).GetResponseAsync("hi");
        response.Text.ShouldBe("ok");
        fake.Calls[0].Token.IsCancellationRequested.ShouldBeTrue();
    }

    [Fact]
    public async Task StopsAtTheTotalTimeoutWithATimeoutFailure()
    {
        var fake = new TestChatClient().Then(Hang);
        var clock = Stopwatch.StartNew();
        var e = await Should.ThrowAsync<ModelCallException>(() =>
            new RetryingChatClient(fake, Fast(maxRetries: 10, attemptTimeout: 0.2, totalTimeout: 1)).GetResponseAsync("hi"));
        // Generous bounds: on a loaded CI machine fewer attempts fit into the second; what matters is that the total
        // timeout ends the retries (10 were allowed) with a timeout failure.
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(6));
        e.Kind.ShouldBe(ModelFailureKind.Timeout);
        e.Message.ShouldContain("did not answer in time");
        fake.Calls.Count.ShouldBeInRange(1, 6);
    }

    [Fact]
    public async Task LetsTheCallersCancellationThroughWithoutRetrying()
    {
        var fake = new TestChatClient().Then(Hang);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));
        await Should.ThrowAsync<OperationCanceledException>(() =>
            new RetryingChatClient(fake, Fast(attemptTimeout: 5, totalTimeout: 10)).GetResponseAsync("hi", cancellationToken: cts.Token));
        fake.Calls.Count.ShouldBe(1);
    }

    [Fact]
    public async Task OpensTheCircuitAfterRepeatedFailuresAndFailsFast()
    {
        var fake = new TestChatClient().ThenThrow(Http(500));
        var client = new RetryingChatClient(fake, Fast(maxRetries: 0, minimumThroughput: 2));
        await Should.ThrowAsync<ModelCallException>(() => client.GetResponseAsync("1"));
        await Should.ThrowAsync<ModelCallException>(() => client.GetResponseAsync("2"));
        var e = await Should.ThrowAsync<ModelCallException>(() => client.GetResponseAsync("3"));
        e.Kind.ShouldBe(ModelFailureKind.CircuitOpen);
        e.Message.ShouldContain("circuit open");
        fake.Calls.Count.ShouldBe(2);
    }

    [Fact]
    public async Task RateLimitsNeverOpenTheCircuit()
    {
        // Ten 429s in a row with a breaker that opens after two failures: a busy provider is not a broken one.
        var fake = new TestChatClient().ThenThrow(Http(429));
        var client = new RetryingChatClient(fake, Fast(maxRetries: 0, minimumThroughput: 2));
        for (var i = 0; i < 10; i++)
            (await Should.ThrowAsync<ModelCallException>(() => client.GetResponseAsync($"call {i}"))).StatusCode.ShouldBe(429);
        fake.Calls.Count.ShouldBe(10);
    }

    [Fact]
    public async Task WhenRateLimitsAreTheRuleOneHalvesTheProvidersLimitAndHoldsEveryCallerUntilItsRetryAfter()
    {
        var fake = new TestChatClient();
        var client = new RetryingChatClient(fake, Fast(maxRetries: 0)); // Llm:MaxConcurrency 8
        var before = client.Throttle.Evidence - 1;
        for (var i = 0; i < before; i++) fake.ThenThrow(Http(429));
        fake.ThenThrow(Http(429, TimeSpan.FromMilliseconds(400))).ThenReply("ok");
        for (var i = 0; i < before; i++) await Should.ThrowAsync<ModelCallException>(() => client.GetResponseAsync($"refused {i}"));
        client.Throttle.Limit.ShouldBe(8); // too few answers yet to call 429s the rule
        await Should.ThrowAsync<ModelCallException>(() => client.GetResponseAsync("the one that tips it"));
        client.Throttle.Limit.ShouldBe(4);
        var notBefore = client.Throttle.NotBefore;

        await client.GetResponseAsync("another caller");
        new DateTimeOffset(fake.Calls[before + 1].AtUtc).ShouldBeGreaterThanOrEqualTo(notBefore); // the provider's time, for everyone
    }

    [Fact]
    public async Task FreesTheSlotWhileACallBacksOffBeforeItsRetry()
    {
        // One slot. The first call fails and backs off for 400 ms; the second call must get through meanwhile.
        var second = new TaskCompletionSource<DateTime>();
        var fake = new TestChatClient()
            .ThenThrow(Http(503, TimeSpan.FromMilliseconds(400)))
            .Then(call => { second.TrySetResult(call.AtUtc); return Task.FromResult(TestChatClient.Reply("ok")); });
        var options = Fast();
        options.MaxConcurrency = 1;
        var client = new RetryingChatClient(fake, options);
        var first = client.GetResponseAsync("backs off");
        while (fake.Calls.Count == 0) await Task.Delay(5);
        await client.GetResponseAsync("gets the free slot");
        await first;
        fake.Calls.Count.ShouldBe(3);
        fake.Calls[1].Messages.Single().Text.ShouldBe("gets the free slot"); // served during the first call's back-off
        client.Throttle.InFlight.ShouldBe(0);
    }

    [Fact]
    public async Task RetriesAStreamThatFailsBeforeItsFirstChunk()
    {
        var fake = new TestChatClient { Stream = call => call.Number == 1 ? Failing(0) : Chunks("a", "b", "c") };
        var text = string.Concat(await Collect(new RetryingChatClient(fake, Fast()).GetStreamingResponseAsync("hi")));
        text.ShouldBe("abc");
        fake.Calls.Count.ShouldBe(2);
    }

    [Fact]
    public async Task DoesNotRetryAStreamCutAfterItsFirstChunk()
    {
        var fake = new TestChatClient { Stream = _ => Failing(2) };
        var seen = new List<string>();
        var e = await Should.ThrowAsync<ModelCallException>(async () =>
        {
            await foreach (var u in new RetryingChatClient(fake, Fast()).GetStreamingResponseAsync("hi")) seen.Add(u.Text);
        });
        e.Kind.ShouldBe(ModelFailureKind.StreamCut);
        seen.ShouldBe(["chunk0", "chunk1"]);
        fake.Calls.Count.ShouldBe(1);
    }

    [Fact]
    public async Task EndsAStreamThatStallsAfterItsFirstChunkAtTheTotalTimeout()
    {
        var fake = new TestChatClient { Stream = call => Stalling(call.Token) };
        var seen = new List<string>();
        var e = await Should.ThrowAsync<ModelCallException>(async () =>
        {
            await foreach (var u in new RetryingChatClient(fake, Fast(totalTimeout: 0.6)).GetStreamingResponseAsync("hi")) seen.Add(u.Text);
        });
        e.Kind.ShouldBe(ModelFailureKind.Timeout);
        seen.ShouldBe(["first"]);
    }

    static async IAsyncEnumerable<ChatResponseUpdate> Stalling([EnumeratorCancellation] CancellationToken ct = default)
    {
        yield return new ChatResponseUpdate(ChatRole.Assistant, "first");
        await Task.Delay(Timeout.Infinite, ct);
        yield return new ChatResponseUpdate(ChatRole.Assistant, "never");
    }

    static async IAsyncEnumerable<ChatResponseUpdate> Chunks(params string[] parts)
    {
        foreach (var p in parts)
        {
            await Task.Yield();
            yield return new ChatResponseUpdate(ChatRole.Assistant, p);
        }
    }

    static async IAsyncEnumerable<ChatResponseUpdate> Failing(int chunksBeforeCut, [EnumeratorCancellation] CancellationToken ct = default)
    {
        for (var i = 0; i < chunksBeforeCut; i++)
        {
            await Task.Yield();
            yield return new ChatResponseUpdate(ChatRole.Assistant, $"chunk{i}");
        }
        throw new ModelCallException("cut", ModelFailureKind.StreamCut, isTransient: true);
    }

    static async Task<List<string>> Collect(IAsyncEnumerable<ChatResponseUpdate> updates)
    {
        var list = new List<string>();
        await foreach (var u in updates) list.Add(u.Text);
        return list;
    }
}
