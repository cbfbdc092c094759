using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace PaymentHttp.Fleet.Worker;

/// <summary>
/// Counts the warnings PaymentHttp logs in a worker (for example the Redis budget falling back to the in-process one)
/// and writes them to stderr, so that the report says how often the run left the shared budget.
/// </summary>
internal sealed class WarningCounter : ILoggerProvider
{
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);
    private readonly TextWriter _error;

    public WarningCounter(TextWriter error)
    {
        _error = error;
    }

    public IReadOnlyDictionary<string, int> Counts => _counts;

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose()
    {
    }

    private sealed class Logger(WarningCounter owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            var name = string.IsNullOrEmpty(eventId.Name) ? eventId.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) : eventId.Name;
            if (owner._counts.AddOrUpdate(name, 1, (_, n) => n + 1) <= 3)
            {
                lock (owner._error)
                {
                    owner._error.WriteLine($"{logLevel}: {formatter(state, exception)}");
                }
            }
        }
    }
}
