namespace PaymentHttp.IntegrationTests.Infrastructure;

/// <summary>
/// Base of the WireMock tests: resets WireMock before each test (mappings back to the files, empty journal, scenarios
/// at <c>Started</c>) and fails a test whose requests matched no mapping, so a mistyped path can never pass as a 404.
/// </summary>
[Collection(WireMockCollection.Name)]
public abstract class WireMockTest : IAsyncLifetime
{
    private readonly List<PaymentClientOverWireMock> _clients = [];

    protected WireMockTest(WireMockServerFixture server)
    {
        Server = server;
    }

    protected WireMockServerFixture Server { get; }

    public virtual Task InitializeAsync() => Server.Admin.ResetAsync();

    public virtual async Task DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        var unmatched = await Server.Admin.GetUnmatchedRequestsAsync();
        unmatched.ShouldBeEmpty("these requests matched no WireMock mapping");
    }

    /// <summary>A PaymentHttp client for <paramref name="provider"/> pointed at WireMock, disposed after the test.</summary>
    protected PaymentClientOverWireMock CreateClient(PaymentProvider provider, Action<PaymentProviderClientOptions>? configure = null)
    {
        var client = PaymentClientOverWireMock.Create(Server.BaseAddress, provider, configure);
        _clients.Add(client);
        return client;
    }

    /// <summary>How many requests to <paramref name="urlPath"/> reached WireMock since the test started.</summary>
    protected Task<int> RequestsReceivedAsync(string urlPath) => Server.Admin.CountRequestsAsync(urlPath);
}
