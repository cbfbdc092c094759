using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace PaymentHttp.IntegrationTests.Infrastructure;

/// <summary>
/// An <see cref="ILoggerProvider"/> for runs of thousands of calls: it counts every entry by event name and keeps
/// the full text only of the entries a test asks about (by default <c>ClassifierFailed</c>, the log of a classifier
/// that threw), so that memory stays bounded.
/// </summary>
public sealed class CapturedLogs : ILoggerProvider
{
    public const string ClassifierFailedEvent = "ClassifierFailed";

    private const int MaxKeptEntries = 50;

    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _kept = new();
    private readonly HashSet<string> _eventsToKeep;

    public CapturedLogs(params string[] eventsToKeep)
    {
        _eventsToKeep = eventsToKeep.Length == 0 ? [ClassifierFailedEvent] : [.. eventsToKeep];
    }

    /// <summary>Gets how many entries were logged under an event name.</summary>
    public int Count(string eventName) => _counts.GetValueOrDefault(eventName);

    /// <summary>Gets the text (message and exception) of the kept entries, at most 50.</summary>
    public IReadOnlyList<string> Kept => [.. _kept];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private void Record<TState>(string category, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var name = eventId.Name ?? eventId.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _counts.AddOrUpdate(name, 1, static (_, count) => count + 1);
        if (_eventsToKeep.Contains(name) && _kept.Count < MaxKeptEntries)
        {
            _kept.Enqueue($"{category} {name}: {formatter(state, exception)} {exception}");
        }
    }

    private sealed class Logger : ILogger
    {
        private readonly CapturedLogs _owner;
        private readonly string _category;

        public Logger(CapturedLogs owner, string category)
        {
            _owner = owner;
            _category = category;
        }

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            _owner.Record(_category, eventId, state, exception, formatter);
    }
}
