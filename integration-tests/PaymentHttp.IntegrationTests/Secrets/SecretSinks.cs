using System.Collections;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text;
using Microsoft.Extensions.Logging;

namespace PaymentHttp.IntegrationTests.Secrets;

/// <summary>
/// Everything a PaymentHttp client of one service provider reports, as text: every log entry at every level and in
/// every category (message, structured values, exception), the PaymentHttp activities of one client (names, tags,
/// events, status), and every measurement of the provider's meter factory (tags), the HttpClient's own included.
/// </summary>
public sealed class SecretSinks : ILoggerProvider
{
    private const int MaxEntries = 2_000;

    private readonly ConcurrentQueue<string> _logs = new();
    private readonly ConcurrentQueue<string> _activities = new();
    private readonly ConcurrentQueue<string> _measurements = new();
    private MeterListener? _meters;
    private ActivityListener? _activityListener;

    public IReadOnlyList<string> Logs => [.. _logs];

    public IReadOnlyList<string> Activities => [.. _activities];

    public IReadOnlyList<string> Measurements => [.. _measurements];

    /// <summary>Starts listening to the measurements of <paramref name="meterFactory"/> and to the activities of <paramref name="clientName"/>.</summary>
    public void Listen(IMeterFactory meterFactory, string clientName)
    {
        _meters = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (ReferenceEquals(instrument.Meter.Scope, meterFactory))
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _meters.SetMeasurementEventCallback<long>((instrument, _, tags, _) => Record(instrument, tags));
        _meters.SetMeasurementEventCallback<double>((instrument, _, tags, _) => Record(instrument, tags));
        _meters.SetMeasurementEventCallback<int>((instrument, _, tags, _) => Record(instrument, tags));
        _meters.Start();

        _activityListener = new ActivityListener
        {
            // PaymentHttp's own activities. The HttpClient's span (System.Net.Http, a child of ours) is .NET's: on
            // .NET 9+ it records a transport exception's raw message as an event, which no handler can change (README,
            // "Observability").
            ShouldListenTo = source => source.Name == "PaymentHttp",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (BelongsTo(activity, clientName) && _activities.Count < MaxEntries)
                {
                    _activities.Enqueue(Describe(activity));
                }
            },
        };
        ActivitySource.AddActivityListener(_activityListener);
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
        _meters?.Dispose();
        _activityListener?.Dispose();
    }

    private static bool BelongsTo(Activity activity, string clientName)
    {
        for (var current = activity; current is not null; current = current.Parent)
        {
            if (current.GetTagItem("payment.client.name") as string == clientName)
            {
                return true;
            }
        }

        return false;
    }

    private static string Describe(Activity activity)
    {
        var text = new StringBuilder();
        text.Append(activity.Source.Name).Append(' ').Append(activity.OperationName).Append(' ').Append(activity.DisplayName)
            .Append(" status=").Append(activity.Status).Append(' ').Append(activity.StatusDescription);
        foreach (var (key, value) in activity.TagObjects)
        {
            text.Append(' ').Append(key).Append('=').Append(value);
        }

        foreach (var activityEvent in activity.Events)
        {
            text.Append(" event ").Append(activityEvent.Name);
            foreach (var (key, value) in activityEvent.Tags)
            {
                text.Append(' ').Append(key).Append('=').Append(value);
            }
        }

        foreach (var (key, value) in activity.Baggage)
        {
            text.Append(" baggage ").Append(key).Append('=').Append(value);
        }

        return text.ToString();
    }

    private void Record(Instrument instrument, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (_measurements.Count >= MaxEntries)
        {
            return;
        }

        var text = new StringBuilder(instrument.Meter.Name).Append(' ').Append(instrument.Name);
        foreach (var (key, value) in tags)
        {
            text.Append(' ').Append(key).Append('=').Append(value);
        }

        _measurements.Enqueue(text.ToString());
    }

    private void Log<TState>(string category, LogLevel level, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (_logs.Count >= MaxEntries)
        {
            return;
        }

        var text = new StringBuilder().Append(level).Append(' ').Append(category).Append(' ').Append(eventId).Append(": ").Append(formatter(state, exception));
        if (state is IEnumerable<KeyValuePair<string, object?>> values)
        {
            foreach (var (key, value) in values)
            {
                text.Append(" {").Append(key).Append('=').Append(value is IEnumerable and not string ? string.Join(",", ((IEnumerable)value).Cast<object?>()) : value).Append('}');
            }
        }

        _logs.Enqueue(text.Append(' ').Append(exception).ToString());
    }

    private sealed class Logger(SecretSinks owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
        {
            owner.Log(category, LogLevel.Trace, new EventId(0, "Scope"), state, null, static (s, _) => s?.ToString() ?? string.Empty);
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Log(category, logLevel, eventId, state, exception, formatter);
    }
}
