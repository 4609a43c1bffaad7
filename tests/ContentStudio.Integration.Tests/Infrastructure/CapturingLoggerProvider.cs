using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ContentStudio.Integration.Tests.Infrastructure;

/// <summary>Keeps every log line written through it, to assert on what an operator would read.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<(LogLevel Level, string Category, string Message)> _entries = new();

    public IReadOnlyList<(LogLevel Level, string Category, string Message)> Entries => _entries.ToList();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose() { }

    private sealed class Logger(CapturingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            // The exception too: an operator reads it in the log, so what it carries is part of what was logged.
            owner._entries.Enqueue((logLevel, category, exception is null ? formatter(state, exception) : $"{formatter(state, exception)}\n{exception}"));
    }
}
