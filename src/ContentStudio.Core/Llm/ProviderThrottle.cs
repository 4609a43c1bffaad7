namespace ContentStudio.Core.Llm;

/// <summary>How hard one provider may be called right now, shared by every caller of its pipeline. A 429 is the
/// provider saying "slower", not a failure, but one 429 among many successes says little about the provider as a whole:
/// a busy shared provider refuses some calls at random. So the throttle weighs the last answers (<see cref="Window"/>
/// of them, successes and 429s). While 429s are the exception, a 429 makes only its own caller wait (the retry honours
/// its Retry-After; the caller holds no slot meanwhile) and the others go on. When 429s are the rule (at least
/// <see cref="PressureShare"/> of the window, once <see cref="Evidence"/> answers are in: a quota is used up, or we call
/// faster than the provider takes) a 429
/// halves the calls allowed in flight (at most once per round of calls, so a burst of 429s halves once) and, when it
/// names a time, nobody calls that provider before it. Successes win the room back one call at a time (a run of
/// successes as long as the limit adds one): the additive increase / multiplicative decrease that keeps TCP near a
/// link's capacity. Measured with 30 % random 429s (Retry-After 1–2 s): halving on every round's 429 held the limit
/// near 1 (13 % of 8 slots used while work was available) and the provider-wide Retry-After idled every caller for
/// most of the run; weighing the window keeps the limit at the ceiling (docs/benchmarks.md, Provider weather).</summary>
public sealed class ProviderThrottle
{
    readonly Lock _gate = new();
    readonly TimeProvider _time;
    TaskCompletionSource _changed = NewSignal();
    readonly bool[] _window; // the last answers, true for a 429 (a ring)
    int _answers, _next, _rateLimited;
    int _limit, _inFlight, _successes, _peak, _waiting;
    long _round; // bumped by every decrease; a 429 from a call started before the last decrease does not decrease again
    DateTimeOffset _notBefore;

    public ProviderThrottle(int maxConcurrency, TimeProvider? time = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxConcurrency, 1);
        MaxConcurrency = _limit = maxConcurrency;
        _time = time ?? TimeProvider.System;
        _window = new bool[Math.Max(20, 4 * maxConcurrency)];
    }

    /// <summary>Share of 429s among the last answers from which a 429 slows every caller down, not only its own.</summary>
    public const double PressureShare = 0.5;

    /// <summary>How many of the last answers are weighed: at least 20, and four rounds of calls at the ceiling, so a
    /// chance run of 429s from a provider refusing 30 % at random rarely reaches <see cref="PressureShare"/>.</summary>
    public int Window => _window.Length;

    /// <summary>Answers weighed before 429s can be judged the rule: half the window. Judged on fewer, the first 429 of a
    /// run (1 of 1) halved the limit and paused every caller for its Retry-After; measured with 30 % random 429s, the
    /// first seconds of a run went 8 → 1 with 31 tasks waiting and none calling (docs/benchmarks.md, Provider weather).</summary>
    public int Evidence => _window.Length / 2;

    /// <summary>Share of 429s among the answers in the window (0 before the first).</summary>
    public double RateLimitedShare { get { lock (_gate) return _answers == 0 ? 0 : (double)_rateLimited / _answers; } }

    /// <summary>The configured ceiling (Llm:MaxConcurrency).</summary>
    public int MaxConcurrency { get; }

    /// <summary>Calls allowed in flight now: between 1 and <see cref="MaxConcurrency"/>.</summary>
    public int Limit { get { lock (_gate) return _limit; } }

    public int InFlight { get { lock (_gate) return _inFlight; } }

    /// <summary>Callers waiting in <see cref="AcquireAsync"/> for a slot or for the provider's Retry-After: work that is
    /// ready to call (diagnostics, and how the benchmark tells a ready task from one backing off).</summary>
    public int Waiting { get { lock (_gate) return _waiting; } }

    /// <summary>Most calls ever in flight at once (diagnostics and tests).</summary>
    public int PeakInFlight { get { lock (_gate) return _peak; } }

    /// <summary>No call starts before this (the latest Retry-After the provider named); in the past when calls may go.</summary>
    public DateTimeOffset NotBefore { get { lock (_gate) return _notBefore; } }

    /// <summary>Waits until the provider may be called and a slot is free, then takes the slot.</summary>
    public async ValueTask<Slot> AcquireAsync(CancellationToken cancellationToken)
    {
        var counted = false;
        try
        {
            while (true)
            {
                Task changed;
                TimeSpan wait;
                lock (_gate)
                {
                    wait = _notBefore - _time.GetUtcNow();
                    if (wait <= TimeSpan.Zero && _inFlight < _limit)
                    {
                        if (counted) { _waiting--; counted = false; }
                        _peak = Math.Max(_peak, ++_inFlight);
                        return new Slot(this, _round);
                    }
                    if (!counted) { _waiting++; counted = true; }
                    changed = _changed.Task;
                }
                // Every waiter wakes on every change and checks again: no wake-up is lost to a waiter that was cancelled.
                if (wait > TimeSpan.Zero) await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
                else await changed.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            if (counted) lock (_gate) _waiting--;
        }
    }

    void Release(long round, Outcome outcome, TimeSpan? retryAfter)
    {
        TaskCompletionSource signal;
        lock (_gate)
        {
            _inFlight--;
            if (outcome != Outcome.Neutral) Remember(outcome == Outcome.RateLimited);
            if (outcome == Outcome.Succeeded && _limit < MaxConcurrency && ++_successes >= _limit)
            {
                _limit++;
                _successes = 0;
            }
            else if (outcome == Outcome.RateLimited && _answers >= Evidence && _rateLimited >= PressureShare * _answers)
            {
                // 429s are the rule: slow everyone down. (Otherwise only the caller that got it waits, in its retry.)
                _successes = 0;
                if (round == _round)
                {
                    _limit = Math.Max(1, _limit / 2);
                    _round++;
                }
                if (retryAfter is { } wait && _time.GetUtcNow() + wait is var until && until > _notBefore) _notBefore = until;
            }
            signal = _changed;
            _changed = NewSignal();
        }
        signal.TrySetResult();
    }

    void Remember(bool rateLimited)
    {
        if (_answers == _window.Length) { if (_window[_next]) _rateLimited--; }
        else _answers++;
        _window[_next] = rateLimited;
        if (rateLimited) _rateLimited++;
        _next = (_next + 1) % _window.Length;
    }

    static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    enum Outcome { Neutral, Succeeded, RateLimited }

    /// <summary>One attempt's place. Say how it went (<see cref="Succeeded"/>, <see cref="Failed"/>); disposing without
    /// a word frees the slot and changes nothing else. Only the first word counts.</summary>
    public sealed class Slot : IDisposable
    {
        readonly ProviderThrottle _owner;
        readonly long _round;
        int _released;

        internal Slot(ProviderThrottle owner, long round) { _owner = owner; _round = round; }

        public void Succeeded() => Release(Outcome.Succeeded, null);

        /// <summary>A 429 is weighed (and slows every caller down when 429s are the rule); any other failure only frees
        /// the slot (the circuit breaker judges those).</summary>
        public void Failed(Exception? e)
        {
            if (e is ModelCallException { StatusCode: 429 } m) Release(Outcome.RateLimited, m.RetryAfter);
            else Release(Outcome.Neutral, null);
        }

        public void Dispose() => Release(Outcome.Neutral, null);

        void Release(Outcome outcome, TimeSpan? retryAfter)
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) _owner.Release(_round, outcome, retryAfter);
        }
    }
}
