using System.Diagnostics;
using System.Runtime.ExceptionServices;
using Polly;

namespace PaymentHttp;

/// <summary>
/// The outer PaymentHttp handler. It runs each call through the client's pipeline from Polly's registry (retry →
/// circuit breaker → attempt timeout, the last cut to what is left of the total timeout), re-sending the same
/// request message on retries as Microsoft's ResilienceHandler does, and at the edge turns the final failure — a
/// classified response or an exception carried as a Polly outcome — into the typed exception of its category, with
/// the attempt count. The failed response is disposed. The typed exception is created and thrown once, here: a
/// handler that rethrew each attempt's exception (as Microsoft's ResilienceHandler does) would pay for two throws
/// per failed call.
/// </summary>
internal sealed class PaymentResilienceHandler : DelegatingHandler
{
    private readonly PaymentClientRuntime _client;

    public PaymentResilienceHandler(PaymentClientRuntime client)
    {
        _client = client;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is { } content && !IsReplayable(content))
        {
            // Buffered once, so every attempt — ours, or those of a resilience handler outside — sends the same bytes.
            await LoadIntoBufferAsync(content, cancellationToken).ConfigureAwait(false);
        }

        using var activity = StartActivity(request);
        var call = new PaymentCallState(this, request, _client, activity);
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(PaymentResilienceKeys.RequestMessage, request);
        context.Properties.Set(PaymentResilienceKeys.CallState, call);
        request.Options.Set(PaymentCallState.RequestOptionsKey, call);
        try
        {
            var outcome = await _client.Pipeline.ExecuteOutcomeAsync(
                static async (context, call) =>
                {
                    call.Attempts++;
                    try
                    {
                        var response = await call.Handler.SendCoreAsync(call.Request, context.CancellationToken)
                            .ConfigureAwait(context.ContinueOnCapturedContext);
                        return Outcome.FromResult(response);
                    }
#pragma warning disable CA1031 // Exceptions travel as outcomes and are rethrown at the edge.
                    catch (Exception exception)
#pragma warning restore CA1031
                    {
                        return Outcome.FromException<HttpResponseMessage>(exception);
                    }
                },
                context,
                call).ConfigureAwait(false);

            activity?.SetTag(PaymentHttpTelemetry.AttemptsTag, call.Attempts);
            if (outcome.Exception is { } failure)
            {
                var secrets = _client.Secrets.For(request);
                var typed = call.FailureOf(failure) is { } recorded
                    ? ProviderExceptionFactory.Create(recorded, call.Attempts, ExceptionRedactor.Redact(failure, secrets))
                    : ProviderExceptionFactory.FromException(failure, _client.Provider, call.IsSafeToRepeat, call.Attempts, secrets, cancellationToken);
                if (typed is null)
                {
                    activity?.SetStatus(ActivityStatusCode.Error, failure.GetType().Name);
                    ExceptionDispatchInfo.Throw(failure);
                }

                ReportFinalFailure(activity, typed.Error, call.Attempts);
                throw typed;
            }

            var result = outcome.Result!;
            if (call.FailureOf(result) is { } error)
            {
                ReportFinalFailure(activity, error, call.Attempts);
                result.Dispose();
                throw ProviderExceptionFactory.Create(error, call.Attempts);
            }

            if (result.Content is ReplayContent replay)
            {
                replay.Attempts = call.Attempts; // for the typed exception of a body that breaks off while the caller reads it
                replay.LimitReadTime(BodyReadTime(call), _client.TimeProvider);
            }

            return result;
        }
        finally
        {
            ((IDictionary<string, object?>)request.Options).Remove(PaymentCallState.RequestOptionsKey.Key);
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>The time the rest of a success body may take: an attempt's timeout, cut to what is left of the total.</summary>
    private static TimeSpan BodyReadTime(PaymentCallState call)
    {
        var settings = call.Settings;
        if (settings.TotalTimeout == Timeout.InfiniteTimeSpan)
        {
            return settings.AttemptTimeout;
        }

        var left = settings.TotalTimeout - call.Elapsed;
        left = left < TimeSpan.FromMilliseconds(10) ? TimeSpan.FromMilliseconds(10) : left;
        return settings.AttemptTimeout == Timeout.InfiniteTimeSpan || left < settings.AttemptTimeout ? left : settings.AttemptTimeout;
    }

    private Activity? StartActivity(HttpRequestMessage request)
    {
        var activity = PaymentHttpTelemetry.ActivitySource.StartActivity("PaymentHttp.Call");
        if (activity is not null)
        {
            activity.DisplayName = $"{_client.ProviderTag} {TelemetryTags.MethodTagValue(request.Method)}";
            activity.SetTag(PaymentHttpTelemetry.ProviderTag, _client.ProviderTag);
            activity.SetTag(PaymentHttpTelemetry.ClientTag, _client.Name);
            activity.SetTag("http.request.method", TelemetryTags.MethodTagValue(request.Method));
        }

        return activity;
    }

    private void ReportFinalFailure(Activity? activity, ProviderError error, int attempts)
    {
        var category = TelemetryTags.TagValue(error.Category);
        if (activity is not null)
        {
            activity.SetTag(PaymentHttpTelemetry.CategoryTag, category);
            activity.SetTag(PaymentHttpTelemetry.CodeTag, TelemetryTags.CodeTagValue(error.Code, _client));
            activity.SetTag("error.type", category);
            if (error.StatusCode is { } status)
            {
                activity.SetTag("http.response.status_code", (int)status);
            }

            activity.SetStatus(ActivityStatusCode.Error, category);
        }

        FinalFailureLog.Write(_client.Logger, _client.Name, _client.ProviderTag, error, category, attempts);
    }

    private Task<HttpResponseMessage> SendCoreAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        base.SendAsync(request, cancellationToken);

    // These contents serialize from memory each time they are sent.
    private static bool IsReplayable(HttpContent content) => content is ByteArrayContent or ReadOnlyMemoryContent;

    private static Task LoadIntoBufferAsync(HttpContent content, CancellationToken cancellationToken) =>
#if NET9_0_OR_GREATER
        content.LoadIntoBufferAsync(cancellationToken);
#else
        content.LoadIntoBufferAsync();
#endif
}
