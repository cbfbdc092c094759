using System.Diagnostics;

namespace PaymentHttp;

/// <summary>
/// The innermost PaymentHttp handler, run once per HTTP attempt. It classifies the attempt's result and attaches
/// the <see cref="ProviderError"/> for the retry and circuit-breaker predicates: a failed response gets its body
/// replaced by a <see cref="ProviderErrorContent"/>; a transport failure is rethrown as the typed exception of the
/// attempt. Success responses pass through with their body buffered and readable.
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

        var started = _client.TimeProvider.GetTimestamp();
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested && TransportFailure.Classify(exception) is { } failure)
        {
            var error = Complete(failure, request, response: null);
            RecordAttempt(started, error);
            throw ProviderExceptionFactory.Create(error, attempts: 1, exception);
        }
        catch (OperationCanceledException)
        {
            RecordAttempt(started, error: null, outcome: "canceled");
            throw;
        }

        try
        {
            var classified = (int)response.StatusCode >= 400
                ? await ClassifyFailureAsync(request, response, cancellationToken).ConfigureAwait(false)
                : await PassSuccessAsync(request, response, cancellationToken).ConfigureAwait(false);
            RecordAttempt(started, (classified.Content as ProviderErrorContent)?.Error);
            return classified;
        }
        catch (PaymentProviderException failed)
        {
            RecordAttempt(started, failed.Error);
            response.Dispose();
            throw;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

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
                { PaymentHttpTelemetry.CodeTag, PaymentHttpTelemetry.CodeTagValue(error.Code) },
            });
        }

        if (telemetry.AttemptDuration.Enabled)
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

    private async Task<HttpResponseMessage> PassSuccessAsync(HttpRequestMessage request, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        // Buffer the body inside the pipeline: if it breaks off, the provider has acted but the answer is lost,
        // which must be classified here, not escape from HttpClient as a raw HttpRequestException.
        try
        {
            await LoadIntoBufferAsync(response, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested && exception is HttpRequestException or IOException or ObjectDisposedException)
        {
            throw ProviderExceptionFactory.Create(Complete(TransportFailure.BrokenSuccessBody(), request, response), attempts: 1, exception);
        }

        if (!_client.Classifier.InspectsSuccessResponses || !response.IsSuccessStatusCode)
        {
            return response;
        }

        ProviderError? error;
        using (var body = await BodyReader.CopyBufferedAsync(response.Content, _client.MaxErrorBodyBytes, cancellationToken).ConfigureAwait(false))
        {
            if (body.Length == 0)
            {
                return response;
            }

            error = ClassifySafely(response, body, fallbackToStatus: false);
        }

        return error is null ? response : Replace(response, Complete(error, request, response));
    }

    private async Task<HttpResponseMessage> ClassifyFailureAsync(HttpRequestMessage request, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        ProviderError error;
        using (var body = await BodyReader.ReadBoundedAsync(response.Content, _client.MaxErrorBodyBytes, cancellationToken).ConfigureAwait(false))
        {
            error = ClassifySafely(response, body, fallbackToStatus: true)!;
        }

        return Replace(response, Complete(error, request, response));
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
            PaymentHttpLog.ClassifierFailed(_client.Logger, _client.Name, (int)response.StatusCode, exception);
            error = null;
        }

        return error ?? (fallbackToStatus ? HttpStatusFallback.Classify(response.StatusCode) : null);
    }

    private ProviderError Complete(ProviderError error, HttpRequestMessage request, HttpResponseMessage? response) =>
        error.CompleteFor(
            _client.Provider,
            response?.StatusCode,
            response is null ? null : RetryAfterHeader.Read(response.Headers, _client.TimeProvider),
            RequestSafety.IsSafeToRepeat(request, _client.IdempotencyKeyHeader),
            _client.OverrideFor(error.Code));

    private static HttpResponseMessage Replace(HttpResponseMessage response, ProviderError error)
    {
        var original = response.Content;
        response.Content = new ProviderErrorContent(error);
        original.Dispose();
        return response;
    }

    private static async Task LoadIntoBufferAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
#if NET9_0_OR_GREATER
        await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
#else
        // .NET 8 has no cancellable LoadIntoBufferAsync: abort a stalled read by disposing the response.
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
#endif
    }
}
