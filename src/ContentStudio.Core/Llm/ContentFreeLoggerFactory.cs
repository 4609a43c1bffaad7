using Microsoft.Extensions.Logging;

namespace ContentStudio.Core.Llm;

/// <summary>Hands Microsoft.Extensions.AI's LoggingChatClient loggers that are never enabled at Trace, the level at
/// which it writes whole prompts and replies (brand briefs, customer segments, unreviewed copy). It still logs each call
/// and its failures at Debug and above. Used unless Llm:EnableSensitiveData is true.</summary>
internal sealed class ContentFreeLoggerFactory(ILoggerFactory inner) : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName) => new ContentFreeLogger(inner.CreateLogger(categoryName));
    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);
    public void Dispose() { } // the host owns the inner factory

    sealed class ContentFreeLogger(ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => inner.BeginScope(state);
        public bool IsEnabled(LogLevel logLevel) => logLevel > LogLevel.Trace && inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel)) inner.Log(logLevel, eventId, state, exception, formatter);
        }
    }
}
