using System.Diagnostics;

namespace PaymentHttp;

/// <summary>
/// The state of one logical call across its attempts, kept in the Polly context so that the static callback and
/// the predicates can reach it without closures.
/// </summary>
internal sealed class PaymentCallState
{
    private bool? _isSafeToRepeat;

    public PaymentCallState(PaymentResilienceHandler handler, HttpRequestMessage request, PaymentClientRuntime client, Activity? activity)
    {
        Handler = handler;
        Activity = activity;
        Request = request;
        Client = client;
        StartTimestamp = client.TimeProvider.GetTimestamp();
    }

    public PaymentResilienceHandler Handler { get; }

    public HttpRequestMessage Request { get; }

    public PaymentClientRuntime Client { get; }

    /// <summary>Gets the call's activity, or <see langword="null"/> when nobody listens.</summary>
    public Activity? Activity { get; }

    public long StartTimestamp { get; }

    /// <summary>Gets or sets how many HTTP attempts were started.</summary>
    public int Attempts { get; set; }

    /// <summary>Gets or sets the wait the retry predicate chose for the next attempt.</summary>
    public TimeSpan NextDelay { get; set; }

    public bool IsSafeToRepeat => _isSafeToRepeat ??= RequestSafety.IsSafeToRepeat(Request, Client.IdempotencyKeyHeader);

    public TimeSpan Elapsed => Client.TimeProvider.GetElapsedTime(StartTimestamp);
}
