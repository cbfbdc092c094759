namespace PaymentHttp.Benchmarks.Infrastructure;

/// <summary>
/// The in-memory primary (terminal) handler of the in-process benchmarks: no network, no I/O, just a fresh copy of
/// a canned response per request, so that what is measured is the handlers above it.
/// </summary>
public sealed class CannedResponseHandler : HttpMessageHandler
{
    private readonly CannedResponse _response;

    public CannedResponseHandler(CannedResponse response)
    {
        _response = response;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        Task.FromResult(_response.Create(request));

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken) =>
        _response.Create(request);
}
