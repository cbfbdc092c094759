using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace PaymentHttp.Tests.TestUtilities;

/// <summary>
/// Captures the PaymentHttp measurements of one service provider (by its meter factory), Polly's
/// <c>resilience.polly.*</c> measurements of the client's pipeline (by its <c>pipeline.name</c>), and the PaymentHttp
/// activities of one client (by its name), so parallel tests do not see each other's telemetry.
/// Not Microsoft's <c>MetricCollector&lt;T&gt;</c>: that records one named instrument, and these tests also assert
/// over every instrument at once (no PaymentHttp retry counter, no unbounded tag value anywhere) and over activities.
/// </summary>
public sealed class TelemetryCapture : IDisposable
{
    private readonly MeterListener _meters = new();
    private readonly ActivityListener _activities;
    private readonly ConcurrentQueue<Measurement> _measurements = new();
    private readonly ConcurrentQueue<Activity> _stopped = new();

    public TelemetryCapture(IMeterFactory meterFactory, string clientName)
    {
        _meters.InstrumentPublished = (instrument, listener) =>
        {
            if ((ReferenceEquals(instrument.Meter.Scope, meterFactory) && instrument.Meter.Name == "PaymentHttp")
                || instrument.Meter.Name == "Polly")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        var pipelineName = clientName + "-paymenthttp";
        _meters.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags, pipelineName));
        _meters.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags, pipelineName));
        _meters.SetMeasurementEventCallback<int>((instrument, value, tags, _) => Record(instrument, value, tags, pipelineName));
        _meters.Start();

        _activities = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "PaymentHttp",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if ((activity.GetTagItem("payment.client.name") as string) == clientName)
                {
                    _stopped.Enqueue(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(_activities);
    }

    public IReadOnlyList<Measurement> Measurements => [.. _measurements];

    public IReadOnlyList<Activity> Activities => [.. _stopped];

    public IReadOnlyList<Measurement> Named(string instrument) => Measurements.Where(m => m.Instrument == instrument).ToList();

    public void Dispose()
    {
        _meters.Dispose();
        _activities.Dispose();
    }

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags, string pipelineName)
    {
        var named = tags.ToArray().ToDictionary(t => t.Key, t => t.Value?.ToString());
        if (instrument.Meter.Name == "Polly" && (!named.TryGetValue("pipeline.name", out var pipeline) || pipeline != pipelineName))
        {
            return; // another test's pipeline
        }

        _measurements.Enqueue(new Measurement(instrument.Name, value, named));
    }

    /// <summary>Polly's <c>resilience.polly.strategy.events</c> of the client's pipeline, by <c>event.name</c>.</summary>
    public IReadOnlyList<string> PollyEvents() =>
        Named("resilience.polly.strategy.events").Select(m => m.Tags.GetValueOrDefault("event.name") ?? "?").ToList();

    public sealed record Measurement(string Instrument, double Value, IReadOnlyDictionary<string, string?> Tags);
}
