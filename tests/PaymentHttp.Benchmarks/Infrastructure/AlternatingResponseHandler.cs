namespace PaymentHttp.Benchmarks.Infrastructure;

/// <summary>
/// An in-memory primary handler that answers the first attempt of every call with <c>first</c> and the next with
/// <c>then</c>, alternating: a call that retries once sees "503, then 200". Benchmarks run one call at a time, so a
/// per-handler counter is enough.
/// </summary>
public sealed class AlternatingResponseHandler : HttpMessageHandler
{
    private readonly CannedResponse _first;
    private readonly CannedResponse _then;
    private long _attempts;

    public AlternatingResponseHandler(CannedResponse first, CannedResponse then)
    {
        _first = first;
        _then = then;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        Task.FromResult((Interlocked.Increment(ref _attempts) % 2 == 1 ? _first : _then).Create(request));
}
