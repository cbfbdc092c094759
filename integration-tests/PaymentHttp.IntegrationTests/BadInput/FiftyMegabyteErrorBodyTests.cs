using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using PaymentHttp.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace PaymentHttp.IntegrationTests.BadInput;

/// <summary>
/// A 50 MB error body, streamed by a real HTTP server — chunked, until the connection closes, with an honest
/// Content-Length, and with one that lies either way — must end in the typed exception quickly, and neither the bytes
/// the client takes off the socket nor the bytes the server manages to hand to the operating system may come near
/// 50 MB: PaymentHttp reads at most <c>MaxErrorBodyBytes</c> and then lets the connection go.
/// </summary>
[Collection(LoadTestCollection.Name)]
public sealed class FiftyMegabyteErrorBodyTests
{
    private const long FiftyMegabytes = 50L * 1024 * 1024;

    /// <summary>What SocketsHttpHandler may read past a disposed response to keep the connection (MaxResponseDrainSize's default).</summary>
    private const long DrainAllowance = 1024 * 1024;

    private static readonly long ClientReadLimit = PaymentProviderClientOptions.DefaultMaxErrorBodyBytes + DrainAllowance + (256 * 1024);
    private static readonly long ServerAcceptedLimit = 4L * 1024 * 1024;
    private static readonly TimeSpan Quickly = TimeSpan.FromSeconds(3);

    private readonly ITestOutputHelper _output;

    public FiftyMegabyteErrorBodyTests(ITestOutputHelper output)
    {
        _output = output;
    }

    public static TheoryData<PaymentProvider, int, string> Cases()
    {
        var cases = new TheoryData<PaymentProvider, int, string>();
        foreach (var provider in Enum.GetValues<PaymentProvider>())
        {
            foreach (var status in new[] { 400, 500 })
            {
                foreach (var framing in new[] { "chunked", "until-close", "content-length", "content-length-too-long", "content-length-too-short" })
                {
                    cases.Add(provider, status, framing);
                }
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task FiftyMegabyteErrorBody_TypedExceptionQuicklyAndOnlyABoundedPartRead(PaymentProvider provider, int status, string framing)
    {
        await using var server = RawHttpServer.Start();
        var exchange = server.Add(provider.ToString(), FiftyMegabyteResponse(provider, status, framing));
        var connections = new ConcurrentBag<ByteCountingStream>();
        var primary = new SocketsHttpHandler
        {
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }

                var counted = new ByteCountingStream(new NetworkStream(socket, ownsSocket: true));
                connections.Add(counted);
                return counted;
            },
        };

        PaymentProviderException failure;
        TimeSpan elapsed;
        long allocated;
        var services = new ServiceCollection();
        services.AddPaymentProviderClient("big", provider, options =>
            {
                options.BaseAddress = server.BaseAddress;
                options.Retry.MaxRetryAttempts = 0;
                options.CircuitBreaker.Enabled = false;
                options.AttemptTimeout = TimeSpan.FromSeconds(10);
                options.TotalTimeout = TimeSpan.FromSeconds(10);
            })
            .ConfigurePrimaryHttpMessageHandler(() => primary);
        await using (var provided = services.BuildServiceProvider(validateScopes: true))
        {
            var client = provided.GetRequiredService<IHttpClientFactory>().CreateClient("big");
            using var request = new HttpRequestMessage(HttpMethod.Post, RawHttpServer.PathOf(exchange))
            {
                Content = new StringContent("""{"reference":"big-body","amount":100}""", Encoding.UTF8, "application/json"),
            };
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var started = Stopwatch.GetTimestamp();
            failure = await Should.ThrowAsync<PaymentProviderException>(() => client.SendAsync(request).WaitAsync(TimeSpan.FromSeconds(20)));
            elapsed = Stopwatch.GetElapsedTime(started);
            allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
            primary.Dispose(); // closes the connection: the server's next write fails and it stops
        }

        await exchange.Finished.WaitAsync(TimeSpan.FromSeconds(10));
        var clientRead = connections.Sum(c => c.BytesRead);
        _output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{provider} HTTP {status} {framing}: {failure.GetType().Name} after {elapsed.TotalMilliseconds:0} ms; client read {clientRead:N0} bytes, server handed {exchange.BytesAccepted:N0} bytes to the OS, {allocated:N0} bytes allocated"));

        failure.StatusCode.ShouldBe((HttpStatusCode)status);
        failure.Category.ShouldBe(status == 400 ? PaymentErrorCategory.InvalidRequest : PaymentErrorCategory.OutcomeUnknown);
        failure.Attempts.ShouldBe(1);
        elapsed.ShouldBeLessThan(Quickly);
        clientRead.ShouldBeLessThan(ClientReadLimit, "bytes read off the socket: MaxErrorBodyBytes, what SocketsHttpHandler drains, framing");
        exchange.BytesAccepted.ShouldBeLessThan(ServerAcceptedLimit, "bytes the server could hand to the OS before the client let the connection go");
        allocated.ShouldBeLessThan(16L * 1024 * 1024, "allocations of the call (client and server) stay far below the body's size");
    }

    /// <summary>
    /// An error envelope whose message never ends: the provider's opening bytes, then "aaaa", "aaaa", ... to 50 MB.
    /// No provider code comes before the cut, so the status decides.
    /// </summary>
    private static RawResponse FiftyMegabyteResponse(PaymentProvider provider, int status, string framing)
    {
        var opening = provider switch
        {
            PaymentProvider.Plutu => """{"error":{"status":STATUS,"message":"Server error","fields":{"amount":[""",
            PaymentProvider.PlexyPay => """{"error":{"message":"Something went wrong","request_id":"req_1","details":[""",
            PaymentProvider.Paysafe => """{"error":{"message":"An internal error occurred.","details":[""",
            PaymentProvider.MakeCommerce => """{"message":"Bad Request","errors":[""",
            _ => """{"message":"Request failed","data":[""",
        };
        var start = Encoding.UTF8.GetBytes(opening.Replace("STATUS", status.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));
        var head = new StringBuilder($"HTTP/1.1 {status} Error\r\nContent-Type: application/json\r\n");
        byte[] bodyStart = start;
        var closeAfter = true;
        switch (framing)
        {
            case "chunked":
                head.Append("Transfer-Encoding: chunked\r\n");
                bodyStart = [.. Encoding.ASCII.GetBytes(start.Length.ToString("x", CultureInfo.InvariantCulture) + "\r\n"), .. start, .. "\r\n"u8];
                closeAfter = false;
                break;
            case "until-close":
                break;
            case "content-length":
                head.Append(CultureInfo.InvariantCulture, $"Content-Length: {start.Length + FiftyMegabytes}\r\n");
                closeAfter = false;
                break;
            case "content-length-too-long":
                head.Append(CultureInfo.InvariantCulture, $"Content-Length: {2 * FiftyMegabytes}\r\n");
                break;
            case "content-length-too-short":
                head.Append("Content-Length: 1024\r\n");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(framing), framing, "unknown framing");
        }

        head.Append("\r\n");
        return new RawResponse(
            [.. Encoding.ASCII.GetBytes(head.ToString()), .. bodyStart],
            closeAfter,
            fillerBytes: FiftyMegabytes,
            fillerChunked: framing == "chunked",
            fillerPattern: "\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\","u8.ToArray());
    }
}
