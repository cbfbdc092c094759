using System.Diagnostics;
using System.Threading.RateLimiting;
using Polly;
using Polly.RateLimiting;

namespace PaymentHttp;

/// <summary>
/// The per-attempt rate gate of one client, as plain Polly strategies placed retry → gate → circuit breaker →
/// attempt timeout: a Polly rate limiter whose lease comes from the <see cref="PaymentRateBudget"/> (waiting within
/// <c>MaxWait</c> and the call's total budget), and inside it <see cref="PaymentBackoffRecorder"/>, which pauses the
/// key when the provider asks to come back later. A refusal never reaches the breaker or the wire.
/// </summary>
internal sealed class PaymentRateGate
{
    /// <summary>At most this many budget answers are waited on per attempt; the time bounds it long before.</summary>
    private const int MaxRounds = 32;
    private static readonly TimeSpan MinimumAttemptTime = TimeSpan.FromMilliseconds(10);

    private readonly PaymentClientRuntime _client;
    private readonly PaymentRateBudget _budget;
    private readonly TimeSpan _maxWait;
    private readonly TimeSpan _defaultPause;
    private readonly TimeSpan _maxPause;

    public PaymentRateGate(PaymentClientRuntime client, PaymentRateLimitOptions options, PaymentRateBudget budget)
    {
        _client = client;
        _budget = budget;
        Key = string.IsNullOrEmpty(options.Key) ? DefaultKey(client.ProviderTag, client.Name) : options.Key;
        Limits = new PaymentRateLimits(options.PermitsPerPeriod, options.Period, options.Burst ?? options.PermitsPerPeriod);
        _maxWait = options.MaxWait;
        _defaultPause = options.DefaultPause;
        _maxPause = options.MaxPause;
    }

    public string Key { get; }

    public PaymentRateLimits Limits { get; }

    /// <summary>The documented default key: <c>"&lt;provider&gt;:&lt;client name&gt;"</c>.</summary>
    public static string DefaultKey(string providerTag, string clientName) => providerTag + ":" + clientName;

    /// <summary>Whether a provider's answer asks every instance to come back later: a failure the provider certainly did not act on.</summary>
    public static bool AsksToComeBackLater(ProviderError error) =>
        error.RetrySafety == PaymentRetrySafety.Always
        && error.Category is PaymentErrorCategory.RateLimited or PaymentErrorCategory.Transient;

    public void AddTo(ResiliencePipelineBuilder<HttpResponseMessage> builder)
    {
        builder.AddRateLimiter(new RateLimiterStrategyOptions
        {
            Name = "RateLimit",
            RateLimiter = AcquireAsync,
        });
        builder.AddStrategy(_ => new PaymentBackoffRecorder(this), new PaymentBackoffRecorderOptions());
    }

    /// <summary>The Polly rate limiter delegate: a granted lease, or a refused one carrying the wait.</summary>
    public async ValueTask<RateLimitLease> AcquireAsync(RateLimiterArguments args)
    {
        var context = args.Context;
        var call = context.Properties.TryGetValue(PaymentResilienceKeys.CallState, out var state) ? state : null;
        var time = _client.TimeProvider;
        var started = time.GetTimestamp();
        var mayWait = WaitAllowed(call);
        var decision = PaymentRateDecision.Granted;
        for (var round = 0; round < MaxRounds; round++)
        {
            try
            {
                decision = await _budget.AcquireAsync(Key, Limits, context.CancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !context.CancellationToken.IsCancellationRequested)
            {
                // The budget only protects the provider's limit; it must never be why a payment fails.
                PaymentRateLimitLog.BudgetFailed(_client.Logger, _client.Name, Key, exception);
                return RateGateLease.Acquired;
            }

            if (decision.IsGranted)
            {
                var waited = time.GetElapsedTime(started);
                if (waited > TimeSpan.Zero)
                {
                    call?.Activity?.AddEvent(new ActivityEvent("payment.rate_limit.waited", tags: new ActivityTagsCollection
                    {
                        [PaymentRateLimitTelemetry.KeyTag] = Key,
                        [PaymentRateLimitTelemetry.WaitTag] = waited.TotalMilliseconds,
                    }));
                }

                return RateGateLease.Acquired;
            }

            var left = mayWait - time.GetElapsedTime(started);
            if (decision.RetryAfter > left)
            {
                break;
            }

            await Task.Delay(decision.RetryAfter, time, context.CancellationToken).ConfigureAwait(false);
        }

        Refused(call, decision);
        return new RateGateLease(decision.RetryAfter);
    }

    /// <summary>Records the provider's "come back later" for every client and instance that shares the key.</summary>
    public async ValueTask RecordAsync(ProviderError error)
    {
        var pause = error.RetryAfter is { } asked && asked > TimeSpan.Zero ? asked : _defaultPause;
        if (pause > _maxPause)
        {
            pause = _maxPause;
        }

        try
        {
            // Not the caller's token: a cancelled caller must not keep the rest of the fleet from learning it.
            await _budget.PauseAsync(Key, pause, CancellationToken.None).ConfigureAwait(false);
            var category = TelemetryTags.TagValue(error.Category);
            PaymentRateLimitLog.Paused(_client.Logger, _client.Name, Key, pause.TotalMilliseconds, category, error.Code);
        }
#pragma warning disable CA1031 // A pause that cannot be recorded must not turn the provider's answer into another failure.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            PaymentRateLimitLog.BudgetFailed(_client.Logger, _client.Name, Key, exception);
        }
    }

    /// <summary>How long this attempt may wait: <c>MaxWait</c>, cut to what the total timeout leaves for the attempt.</summary>
    private TimeSpan WaitAllowed(PaymentCallState? call)
    {
        var wait = _maxWait;
        if (call is not null && call.Settings.TotalTimeout != Timeout.InfiniteTimeSpan)
        {
            var left = call.Settings.TotalTimeout - call.Elapsed - MinimumAttemptTime;
            wait = left < wait ? left : wait;
        }

        return wait;
    }

    private void Refused(PaymentCallState? call, PaymentRateDecision decision)
    {
        var reason = PaymentRateLimitTelemetry.TagValue(decision.Reason);
        if (call?.Activity is { } activity)
        {
            activity.SetTag(PaymentRateLimitTelemetry.RefusedTag, reason);
            activity.AddEvent(new ActivityEvent("payment.rate_limit.refused", tags: new ActivityTagsCollection
            {
                [PaymentRateLimitTelemetry.KeyTag] = Key,
                [PaymentRateLimitTelemetry.RefusedTag] = reason,
                [PaymentRateLimitTelemetry.RetryAfterTag] = decision.RetryAfter.TotalMilliseconds,
            }));
        }

        PaymentRateLimitLog.Refused(_client.Logger, _client.Name, _client.ProviderTag, Key, reason, decision.RetryAfter.TotalMilliseconds);
    }
}
