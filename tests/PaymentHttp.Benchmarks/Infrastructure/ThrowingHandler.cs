namespace PaymentHttp.Benchmarks.Infrastructure;

/// <summary>
/// The floor of the decline benchmarks: a primary handler that throws a new exception of the type PaymentHttp would
/// throw, so the caller pays for one exception and nothing else.
/// </summary>
public sealed class ThrowingHandler : HttpMessageHandler
{
    private readonly Func<Exception> _create;

    public ThrowingHandler(Func<Exception> create)
    {
        _create = create;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        throw _create();
}
