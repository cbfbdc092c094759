namespace PaymentHttp;

/// <summary>
/// The outermost PaymentHttp handler: once resilience is done, a final failed response becomes the typed
/// exception of its category and the response is disposed. Failures that are not typed yet (when another
/// library's resilience handler sits inside) are translated the same way; caller cancellation passes unchanged.
/// </summary>
internal sealed class ProviderExceptionHandler : DelegatingHandler
{
    private readonly PaymentClientRuntime _client;

    public ProviderExceptionHandler(PaymentClientRuntime client)
    {
        _client = client;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not PaymentProviderException
            && ProviderExceptionFactory.FromException(exception, _client.Provider, RequestSafety.IsSafeToRepeat(request, _client.IdempotencyKeyHeader), attempts: 1, cancellationToken) is { } typed)
        {
            throw typed;
        }

        if (response.Content is ProviderErrorContent failed)
        {
            response.Dispose();
            throw ProviderExceptionFactory.Create(failed.Error, failed.Attempts);
        }

        return response;
    }
}
