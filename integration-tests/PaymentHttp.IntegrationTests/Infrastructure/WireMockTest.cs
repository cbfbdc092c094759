using System.Diagnostics;

namespace PaymentHttp.IntegrationTests.Infrastructure;

/// <summary>
/// Base of the WireMock tests: resets WireMock.Net before each test (mappings back to the files, empty request log,
/// scenarios at their start) and fails a test whose requests matched no mapping, so a mistyped path can never pass as
/// a 404.
/// </summary>
[Collection(WireMockCollection.Name)]
public abstract class WireMockTest : IDisposable
{
    private static readonly TimeSpan LogPollInterval = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan LogLateness = TimeSpan.FromSeconds(10);
    private readonly List<PaymentClientOverWireMock> _clients = [];

    protected WireMockTest(WireMockServerFixture server)
    {
        Server = server;
        Server.Reset();
    }

    protected WireMockServerFixture Server { get; }

    public void Dispose()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        Server.UnmatchedRequests().ShouldBeEmpty("these requests matched no WireMock mapping");
        GC.SuppressFinalize(this);
    }

    /// <summary>A PaymentHttp client for <paramref name="provider"/> pointed at WireMock, disposed after the test.</summary>
    protected PaymentClientOverWireMock CreateClient(PaymentProvider provider, Action<PaymentProviderClientOptions>? configure = null)
    {
        var client = PaymentClientOverWireMock.Create(Server.BaseAddress, provider, configure);
        _clients.Add(client);
        return client;
    }

    /// <summary>How many requests to <paramref name="urlPath"/> reached WireMock since the test started.</summary>
    protected Task<int> RequestsReceivedAsync(string urlPath) => Task.FromResult(Server.CountRequests(urlPath));

    /// <summary>
    /// How many requests to <paramref name="urlPath"/> reached a mapping whose answer WireMock.Net holds back for
    /// <paramref name="serverDelay"/>. WireMock.Net logs a request only once its answer is ready, so this waits until
    /// every request sent before <paramref name="callEnded"/> started must have been logged (at least
    /// <paramref name="expected"/> entries, and the delay passed since the call ended), bounded in time.
    /// </summary>
    protected async Task<int> RequestsReceivedAfterDelayAsync(string urlPath, int expected, TimeSpan serverDelay, Stopwatch callEnded)
    {
        var deadline = serverDelay + LogLateness;
        while (Server.CountRequests(urlPath) < expected && callEnded.Elapsed < deadline)
        {
            await Task.Delay(LogPollInterval);
        }

        var rest = serverDelay - callEnded.Elapsed;
        if (rest > TimeSpan.Zero)
        {
            await Task.Delay(rest); // a request sent before the call ended is logged by now
        }

        return Server.CountRequests(urlPath);
    }
}
