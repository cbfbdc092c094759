using System.Diagnostics;
using System.Net;

namespace PaymentHttp;

/// <summary>
/// The innermost PaymentHttp handler, run once per HTTP attempt. It classifies the attempt's result and records the
/// <see cref="ProviderError"/> in the call state, where the retry and circuit-breaker predicates and the edge of
/// <see cref="PaymentResilienceHandler"/> read it: a failed response is returned as it is (the edge disposes it), a
/// transport failure is rethrown as it is. A success response passes through with a body the caller reads whole:
/// the part inspection read is replayed, the rest streamed, and a break in it becomes the typed exception
/// (<see cref="ReplayContent"/>).
/// </summary>
internal sealed class ClassificationHandler : DelegatingHandler, IBrokenBodyTranslator
{
    private readonly PaymentClientRuntime _client;

    public ClassificationHandler(PaymentClientRuntime client)
    {
        _client = client;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var call = CallOf(request);

        // SocketsHttpHandler silently re-sends a request without content, up to three times, when the connection
        // closes before any response byte. For a bodiless POST or DELETE that is a duplicate payment action the
        // pipeline never sees. Empty content (Content-Length: 0, as a bodiless POST sends anyway) turns that off.
        if (request.Content is null && !call.IsSafeToRepeat)
        {
            request.Content = new ByteArrayContent([]);
        }

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

            // The attempt's outcome is seen by Polly's telemetry (which logs it) before the edge: hand it on redacted.
            var redacted = ExceptionRedactor.Redact(exception, _client.Secrets.For(request));
            call.RecordFailure(redacted, error);
            if (ReferenceEquals(redacted, exception))
            {
                throw;
            }

            throw redacted;
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
                classified = await InspectOrStreamAsync(call, started, request, response, cancellationToken).ConfigureAwait(false);
            }
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
        // At most MaxErrorBodyBytes decoded; a body that breaks off or cannot be decoded is classified by what was read.
        using var body = await BodyReader.ReadPrefixAsync(response.Content, _client.MaxErrorBodyBytes, readToEnd: false, cancellationToken).ConfigureAwait(false);
        return ClassifySafely(response, body.Body, body.IsTruncated, fallbackToStatus: true)!;
    }

    /// <summary>
    /// A 2xx (or 3xx, left alone) answer: inspect what the classifier needs, decoded, and hand the body on readable
    /// whole — replaying what was read and streaming the rest, so that nothing is buffered here beyond inspection.
    /// </summary>
    private async ValueTask<ProviderError?> InspectOrStreamAsync(
        PaymentCallState call, long started, HttpRequestMessage request, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var content = response.Content;
        var inMemory = IsInMemory(content);
        var inspects = response.IsSuccessStatusCode && _client.Classifier.InspectsSuccessResponses;
        if (!response.IsSuccessStatusCode || (inMemory && !inspects))
        {
            return null;
        }

        // A request safe to repeat looks ahead as far as inspection would, so that a body that breaks off within it is
        // retried like any failed attempt; a payment would not be retried anyway, so its body is not read ahead.
        if (!inspects && !call.IsSafeToRepeat)
        {
            response.Content = (await ReplayContent.StreamingAsync(content, cancellationToken).ConfigureAwait(false))
                .TranslateFailures(this, request, response);
            return null;
        }

        using var body = await BodyReader.ReadPrefixAsync(content, _client.MaxErrorBodyBytes, readToEnd: true, cancellationToken, decode: inspects).ConfigureAwait(false);
        if (body.Failure is not null || body.IsUndecodable)
        {
            // The provider answered 2xx, so it acted; what it said is lost. Retried only when safe, like a timeout.
            var failure = body.Failure is null ? BodyFailure.Undecodable() : TransportFailure.BrokenSuccessBody();
            var error = Complete(failure, request, response);
            RecordAttempt(started, error);
            var readFailure = ExceptionRedactor.Redact(
                BodyFailure.AsReadFailure(body.Failure ?? body.DecodingFailure) ?? new HttpRequestException("The provider's response body could not be read."),
                _client.Secrets.For(request));
            call.RecordFailure(readFailure, error);
            throw readFailure;
        }

        // A body longer than the limit is not inspected (a long listing is no payment answer); it passes whole.
        var classified = !inspects || body.IsOverLimit || body.Body.IsEmpty ? null : ClassifySafely(response, body.Body, isTruncated: false, fallbackToStatus: false);
        if (classified is null)
        {
            if (inMemory)
            {
                await RewindAsync(content, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                response.Content = new ReplayContent(content, body.CopyRaw(), body.Remaining, failure: null).TranslateFailures(this, request, response);
            }
        }

        return classified;
    }

    private ProviderError? ClassifySafely(HttpResponseMessage response, ReadOnlySpan<byte> body, bool isTruncated, bool fallbackToStatus)
    {
        var snapshot = new ProviderResponse(response.StatusCode, response.Headers, response.Content.Headers, body, isTruncated);
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

    /// <summary>
    /// The typed exception for a success body that broke off, or could not be decoded, while the caller read it —
    /// after this attempt was returned, so it is not retried: the caller reconciles (or, for a request safe to repeat,
    /// sends it again).
    /// </summary>
    public Exception Translate(HttpRequestMessage request, HttpResponseMessage response, Exception cause, int attempts)
    {
        var failure = cause switch
        {
            Polly.Timeout.TimeoutRejectedException timeout => TransportFailure.Timeout(timeout.Timeout),
            _ when ContentDecoding.IsInvalidData(cause) => BodyFailure.Undecodable(),
            _ => TransportFailure.BrokenSuccessBody(),
        };
        var error = Complete(failure, request, response);
        FinalFailureLog.Write(_client.Logger, _client.Name, _client.ProviderTag, error, TelemetryTags.TagValue(error.Category), attempts);
        return ProviderExceptionFactory.Create(error, attempts, ExceptionRedactor.Redact(BodyFailure.AsReadFailure(cause) ?? cause, _client.Secrets.For(request)));
    }

    /// <summary>Bodies that are bytes in memory already: nothing can break off, and reading them again is free.</summary>
    private static bool IsInMemory(HttpContent content) =>
        content is ByteArrayContent or ReadOnlyMemoryContent or ReplayContent { IsInMemory: true };

    /// <summary>Inspection read the content's (cached) read stream; put it back at the start for the caller.</summary>
    private static async ValueTask RewindAsync(HttpContent content, CancellationToken cancellationToken)
    {
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        if (stream.CanSeek)
        {
            stream.Position = 0;
        }
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
                { PaymentHttpTelemetry.CategoryTag, TelemetryTags.TagValue(error.Category) },
                { PaymentHttpTelemetry.CodeTag, TelemetryTags.CodeTagValue(error.Code, _client) },
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
                    { PaymentHttpTelemetry.OutcomeTag, outcome ?? (error is null ? "success" : TelemetryTags.TagValue(error.Category)) },
                });
        }
    }
}
