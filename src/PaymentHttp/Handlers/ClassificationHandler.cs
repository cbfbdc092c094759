using System.Diagnostics;
using System.Net;

namespace PaymentHttp;

/// <summary>
/// The innermost PaymentHttp handler, run once per HTTP attempt. It classifies the attempt's result and records the
/// <see cref="ProviderError"/> in the call state, where the retry and circuit-breaker predicates and the edge of
/// <see cref="PaymentResilienceHandler"/> read it: a failed response is returned as it is (the edge disposes it), a
/// transport failure is rethrown as it is. Success responses pass through with their body buffered and readable.
/// </summary>
internal sealed class ClassificationHandler : DelegatingHandler
{
    private readonly PaymentClientRuntime _client;

    public ClassificationHandler(PaymentClientRuntime client)
    {
        _client = client;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // SocketsHttpHandler silently re-sends a request without content, up to three times, when the connection
        // closes before any response byte. For a bodiless POST or DELETE that is a duplicate payment action the
        // pipeline never sees. Empty content (Content-Length: 0, as a bodiless POST sends anyway) turns that off.
        if (request.Content is null && !RequestSafety.IsSafeToRepeat(request, _client.IdempotencyKeyHeader))
        {
            request.Content = new ByteArrayContent([]);
        }

        var call = CallOf(request);
        var sent = SentRequest.Of(request);
        var started = _client.Telemetry.AttemptDuration.Enabled ? _client.TimeProvider.GetTimestamp() : 0;
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested && TransportFailure.Classify(exception) is { } failure)
        {
            var error = Complete(failure, request, response: null);
            RecordAttempt(started, error);
            call.RecordFailure(exception, error);
            throw;
        }
        catch (OperationCanceledException)
        {
            RecordAttempt(started, error: null, outcome: "canceled");
            throw;
        }

        ProviderError? classified;
        try
        {
            if (RedirectRule.Classify(sent, request, response) is { } redirect)
            {
                classified = redirect; // a 3xx, or an answer reached by a handler below that followed one: never a success
            }
            else if (IsFailureStatus(response.StatusCode))
            {
                classified = await ClassifyFailureAsync(response, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                // Buffer the body inside the pipeline: if it breaks off, the provider has acted but the answer is
                // lost, which must be classified here, not escape from HttpClient as a raw HttpRequestException.
                try
                {
#if NET9_0_OR_GREATER
                    await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
#else
                    await LoadIntoBufferAsync(response, cancellationToken).ConfigureAwait(false);
#endif
                }
                catch (Exception exception) when (!cancellationToken.IsCancellationRequested && exception is HttpRequestException or IOException or ObjectDisposedException)
                {
                    var error = Complete(TransportFailure.BrokenSuccessBody(), request, response);
                    RecordAttempt(started, error);
                    call.RecordFailure(exception, error);
                    response.Dispose();
                    throw;
                }

                classified = _client.Classifier.InspectsSuccessResponses && response.IsSuccessStatusCode
                    ? await InspectSuccessAsync(response, cancellationToken).ConfigureAwait(false)
                    : null;
            }
        }
        catch (Exception exception) when (call.FailureOf(exception) is not null)
        {
            throw; // recorded, and the response disposed, above
        }
        catch
        {
            response.Dispose();
            throw;
        }

        if (classified is null)
        {
            RecordAttempt(started, error: null);
            return response;
        }

        var completed = Complete(classified, request, response);
        RecordAttempt(started, completed);
        call.RecordFailure(response, completed);
        return response;
    }

    /// <summary>The call this attempt belongs to: <see cref="PaymentResilienceHandler"/>, always outside, put it on the request.</summary>
    private static PaymentCallState CallOf(HttpRequestMessage request) =>
        request.Options.TryGetValue(PaymentCallState.RequestOptionsKey, out var call)
            ? call
            : throw new InvalidOperationException(
                "PaymentHttp's ClassificationHandler runs only inside PaymentHttp's resilience handler; register the client with AddPaymentProviderClient or AddPaymentProviderHandlers.");

    /// <summary>
    /// 4xx and 5xx, and statuses below 200: SocketsHttpHandler hands over any three digits (<c>099</c> included) as a
    /// final status, and such an answer is not a success the caller could act on.
    /// </summary>
    private static bool IsFailureStatus(HttpStatusCode status) => (int)status is >= 400 or < 200;

    private async ValueTask<ProviderError> ClassifyFailureAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        using var body = await BodyReader.ReadBoundedAsync(response.Content, _client.MaxErrorBodyBytes, cancellationToken).ConfigureAwait(false);
        return ClassifySafely(response, body, fallbackToStatus: true)!;
    }

    private async ValueTask<ProviderError?> InspectSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        using var body = await BodyReader.CopyBufferedAsync(response.Content, _client.MaxErrorBodyBytes, cancellationToken).ConfigureAwait(false);
        return body.Length == 0 ? null : ClassifySafely(response, body, fallbackToStatus: false);
    }

    private ProviderError? ClassifySafely(HttpResponseMessage response, in RentedBody body, bool fallbackToStatus)
    {
        var snapshot = new ProviderResponse(response.StatusCode, response.Headers, response.Content.Headers, body.Span, body.IsTruncated);
        ProviderError? error;
        try
        {
            error = _client.Classifier.Classify(in snapshot);
        }
#pragma warning disable CA1031 // A classifier must not be able to turn a provider failure into a crash; it is logged.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            PaymentHttpLog.ClassifierFailed(
                _client.Logger, _client.Name, (int)response.StatusCode, ExceptionRedactor.Redact(exception, _client.Secrets.For(response.RequestMessage)));
            error = null;
        }

        return error ?? (fallbackToStatus ? HttpStatusFallback.Classify(response.StatusCode) : null);
    }

    /// <summary>The one place an attempt's error is completed for the request sent, then redacted with its secrets.</summary>
    private ProviderError Complete(ProviderError error, HttpRequestMessage request, HttpResponseMessage? response) =>
        ProviderErrorRedactor.Redact(
            error.CompleteFor(
                _client.Provider,
                response?.StatusCode,
                response is null ? null : RetryAfterHeader.Read(response.Headers, _client.TimeProvider),
                RequestSafety.IsSafeToRepeat(request, _client.IdempotencyKeyHeader),
                _client.OverrideFor(error.Code)),
            _client.Secrets.For(request));

    /// <summary>Records the attempt's duration and, for a failure, its classification. Free when nobody listens.</summary>
    private void RecordAttempt(long started, ProviderError? error, string? outcome = null)
    {
        var telemetry = _client.Telemetry;
        if (error is not null && telemetry.Failures.Enabled)
        {
            telemetry.Failures.Add(1, new TagList
            {
                { PaymentHttpTelemetry.ProviderTag, _client.ProviderTag },
                { PaymentHttpTelemetry.ClientTag, _client.Name },
                { PaymentHttpTelemetry.CategoryTag, PaymentHttpTelemetry.TagValue(error.Category) },
                { PaymentHttpTelemetry.CodeTag, PaymentHttpTelemetry.CodeTagValue(error.Code, _client) },
            });
        }

        if (started != 0 && telemetry.AttemptDuration.Enabled)
        {
            telemetry.AttemptDuration.Record(
                _client.TimeProvider.GetElapsedTime(started).TotalSeconds,
                new TagList
                {
                    { PaymentHttpTelemetry.ProviderTag, _client.ProviderTag },
                    { PaymentHttpTelemetry.ClientTag, _client.Name },
                    { PaymentHttpTelemetry.OutcomeTag, outcome ?? (error is null ? "success" : PaymentHttpTelemetry.TagValue(error.Category)) },
                });
        }
    }

#if !NET9_0_OR_GREATER
    /// <summary>.NET 8 has no cancellable LoadIntoBufferAsync: abort a stalled read by disposing the response.</summary>
    private static async Task LoadIntoBufferAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        using var abort = cancellationToken.Register(static state => ((HttpResponseMessage)state!).Dispose(), response);
        try
        {
            await response.Content.LoadIntoBufferAsync().ConfigureAwait(false);
        }
        catch when (cancellationToken.IsCancellationRequested)
        {
            cancellationToken.ThrowIfCancellationRequested();
            throw;
        }
    }
#endif
}
