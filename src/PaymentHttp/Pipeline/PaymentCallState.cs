using System.Diagnostics;
using Polly;

namespace PaymentHttp;

/// <summary>
/// The state of one logical call across its attempts, kept in the Polly context (for the strategies' callbacks)
/// and in the request's options (for <see cref="ClassificationHandler"/>), so that both reach it without closures.
/// It is where an attempt's classified error waits for the predicates and for the edge of the pipeline.
/// </summary>
internal sealed class PaymentCallState
{
    internal static readonly HttpRequestOptionsKey<PaymentCallState> RequestOptionsKey = new("PaymentHttp.CallState");

    private bool? _isSafeToRepeat;
    private object? _failedOutcome;
    private ProviderError? _failure;

    public PaymentCallState(PaymentResilienceHandler handler, HttpRequestMessage request, PaymentClientRuntime client, Activity? activity)
    {
        Handler = handler;
        Activity = activity;
        Request = request;
        Client = client;
        Settings = client.Settings;
        StartTimestamp = client.TimeProvider.GetTimestamp();
    }

    public PaymentResilienceHandler Handler { get; }

    public HttpRequestMessage Request { get; }

    public PaymentClientRuntime Client { get; }

    /// <summary>Gets the options in force when the call started; a reload during the call does not change them.</summary>
    public PaymentClientSettings Settings { get; }

    /// <summary>Gets the call's activity, or <see langword="null"/> when nobody listens.</summary>
    public Activity? Activity { get; }

    public long StartTimestamp { get; }

    /// <summary>Gets or sets how many HTTP attempts were started.</summary>
    public int Attempts { get; set; }

    /// <summary>Gets or sets the wait the retry predicate chose for the next attempt.</summary>
    public TimeSpan NextDelay { get; set; }

    public bool IsSafeToRepeat => _isSafeToRepeat ??= RequestSafety.IsSafeToRepeat(Request, Settings.IdempotencyKeyHeader);

    public TimeSpan Elapsed => Client.TimeProvider.GetElapsedTime(StartTimestamp);

    /// <summary>Records the classified error of an attempt's failed response.</summary>
    public void RecordFailure(HttpResponseMessage response, ProviderError error)
    {
        _failedOutcome = response;
        _failure = error;
    }

    /// <summary>Records the classified error of an attempt that ended in an exception.</summary>
    public void RecordFailure(Exception exception, ProviderError error)
    {
        _failedOutcome = exception;
        _failure = error;
    }

    /// <summary>
    /// Returns the error recorded for exactly this outcome, or <see langword="null"/>. Matching by reference keeps an
    /// outcome no attempt produced (an open circuit, Polly's own timeout) from being read as the last attempt's.
    /// </summary>
    public ProviderError? FailureOf(Outcome<HttpResponseMessage> outcome)
    {
        var key = (object?)outcome.Result ?? outcome.Exception;
        return key is not null && ReferenceEquals(key, _failedOutcome) ? _failure : null;
    }

    /// <summary>Returns the error recorded for <paramref name="exception"/>, or <see langword="null"/>.</summary>
    public ProviderError? FailureOf(Exception exception) => ReferenceEquals(exception, _failedOutcome) ? _failure : null;

    /// <summary>Returns the error recorded for <paramref name="response"/>, or <see langword="null"/> for a success.</summary>
    public ProviderError? FailureOf(HttpResponseMessage response) => ReferenceEquals(response, _failedOutcome) ? _failure : null;
}
