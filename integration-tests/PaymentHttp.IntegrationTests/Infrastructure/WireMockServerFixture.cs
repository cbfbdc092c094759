using System.Globalization;
using WireMock.Exceptions;
using WireMock.Server;
using WireMock.Settings;

namespace PaymentHttp.IntegrationTests.Infrastructure;

/// <summary>
/// One in-process WireMock.Net server on a free loopback port for the test run, serving the mapping files under
/// <c>integration-tests/wiremock/mappings/</c> as static mappings. Tests read its request log
/// (<see cref="WireMockServer.LogEntries"/>); <see cref="Reset"/> puts it back to the files between tests.
/// </summary>
public sealed class WireMockServerFixture : IDisposable
{
    private const int MaxStartAttempts = 3;
    private const int MaxRequestLogCount = 10_000;

    private readonly WireMockLog _log = new();
    private readonly WireMockServer _server;

    public WireMockServerFixture()
    {
        _server = Start(_log);
        BaseAddress = new Uri(_server.Url! + "/");
        Reset();
    }

    /// <summary>Gets the server's root, for example <c>http://127.0.0.1:40123/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Gets the guids of the mappings the server serves now.</summary>
    public IReadOnlyList<Guid> MappingGuids => [.. _server.Mappings.Where(mapping => !mapping.IsAdminInterface).Select(mapping => mapping.Guid)];

    /// <summary>
    /// Drops the mappings added at run time and reads the mapping files again, empties the request log and puts every
    /// scenario back at its start. Fails when WireMock.Net could not read a file (it would only log and skip it).
    /// </summary>
    public void Reset()
    {
        _server.Reset();
        _server.ResetScenarios();
        _server.ReadStaticMappings(WireMockFolders.MappingsDirectory);
        if (_log.Errors > 0)
        {
            throw new InvalidOperationException(
                $"WireMock.Net could not load the mapping files in {WireMockFolders.MappingsDirectory}. Its log:{Environment.NewLine}{_log}");
        }
    }

    /// <summary>Counts the requests in the request log whose path is <paramref name="urlPath"/>, whatever their method.</summary>
    public int CountRequests(string urlPath) =>
        _server.LogEntries.Count(entry => string.Equals(entry.RequestMessage?.Path, urlPath, StringComparison.Ordinal));

    /// <summary>Returns the requests that matched no mapping (WireMock.Net answered them 404 on its own).</summary>
    public IReadOnlyList<string> UnmatchedRequests() =>
        [.. _server.LogEntries.Where(entry => entry.MappingGuid is null).Select(entry => $"{entry.RequestMessage?.Method} {entry.RequestMessage?.Url}")];

    public void Dispose()
    {
        _server.Stop();
        _server.Dispose();
    }

    private static WireMockServer Start(WireMockLog log)
    {
        for (var attempt = 1; ; attempt++)
        {
            var port = FreeLoopbackPort.Find();
            var settings = new WireMockServerSettings
            {
                Urls = [string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}")],
                StartAdminInterface = false,
                ReadStaticMappings = false, // read in Reset, from the repository's folder
                WatchStaticMappingsInSubdirectories = true, // ReadStaticMappings reads subfolders only with this on
                MaxRequestLogCount = MaxRequestLogCount,
                Logger = log,
            };
            try
            {
                return WireMockServer.Start(settings);
            }
            catch (WireMockException) when (attempt < MaxStartAttempts)
            {
                // Another process took the port between FreeLoopbackPort.Find and Kestrel binding it: try a new one.
            }
        }
    }
}
