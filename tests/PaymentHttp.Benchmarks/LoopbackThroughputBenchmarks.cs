using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using PaymentHttp.Benchmarks.Infrastructure;

namespace PaymentHttp.Benchmarks;

/// <summary>
/// Throughput over real sockets: an in-process Kestrel server on the loopback address answering every request with
/// a small JSON 200, and <see cref="Callers"/> concurrent callers each sending <see cref="RequestsPerCaller"/>
/// requests through a bare <see cref="HttpClient"/> over a <see cref="SocketsHttpHandler"/> [baseline], or through a
/// PaymentHttp client over the same kind of handler. For context, also through the hand-wired Polly pipeline of
/// <see cref="SuccessPathBenchmarks"/>, which tells how much of a gap is Polly's and how much PaymentHttp's own.
/// Results are per request (<c>OperationsPerInvoke</c>).
/// </summary>
/// <remarks>
/// The PaymentHttp client is a Paysafe one, which inspects 2xx bodies: the most a success costs. Target:
/// PaymentHttp ≥ 0.9× the bare throughput ("Throughput vs baseline" ≥ 0.90, i.e. a time Ratio ≤ ~1.11). The server
/// runs in the benchmark process, so the allocation column includes Kestrel's share; compare the two rows, not
/// the absolute numbers. The server only ever listens on 127.0.0.1, and every invocation sends a fixed number of
/// requests.
/// </remarks>
[MemoryDiagnoser]
[Config(typeof(Columns))]
public class LoopbackThroughputBenchmarks
{
    public const int Callers = 32;
    public const int RequestsPerCaller = 64;
    private const int Requests = Callers * RequestsPerCaller;

    private WebApplication _server = null!;
    private BenchmarkClients _clients = null!;
    private HttpClient _bare = null!;
    private HttpClient _handWired = null!;
    private HttpClient _paymentHttp = null!;
    private HttpClient _factory = null!;
    private HttpClient _paymentHttpNoInspection = null!;
    private HttpClient _paymentHttpNoResilience = null!;

    [GlobalSetup]
    public void Setup()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _server = builder.Build();
        var body = ProviderBodies.SmallSuccess.Body;
        _server.Run(context =>
        {
            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Response.ContentType = "application/json";
            context.Response.ContentLength = body.Length;
            return context.Response.Body.WriteAsync(body).AsTask();
        });
        _server.StartAsync().GetAwaiter().GetResult();
        var address = new Uri(_server.Urls.Single() + "/");

        _clients = new BenchmarkClients(address)
            .AddHandWiredPolly("polly", () => new SocketsHttpHandler())
            .AddPaymentHttp("paymenthttp", PaymentProvider.Paysafe, () => new SocketsHttpHandler())
            .AddFactoryClient("factory", () => new SocketsHttpHandler())
            .AddPaymentHttp("paymenthttp-no-inspection", PaymentProvider.MakeCommerce, () => new SocketsHttpHandler())
            .AddPaymentHttp("paymenthttp-no-resilience", PaymentProvider.Paysafe, () => new SocketsHttpHandler(), options =>
            {
                options.Retry.MaxRetryAttempts = 0;
                options.CircuitBreaker.Enabled = false;
                options.AttemptTimeout = Timeout.InfiniteTimeSpan;
                options.TotalTimeout = Timeout.InfiniteTimeSpan;
            });
        _bare = _clients.Bare(new SocketsHttpHandler());
        _handWired = _clients.Get("polly");
        _paymentHttp = _clients.Get("paymenthttp");
        _factory = _clients.Get("factory");
        _paymentHttpNoInspection = _clients.Get("paymenthttp-no-inspection");
        _paymentHttpNoResilience = _clients.Get("paymenthttp-no-resilience");

        // Every client must really get the 200 from the server.
        foreach (var client in new[] { _bare, _handWired, _paymentHttp, _factory, _paymentHttpNoInspection, _paymentHttpNoResilience })
        {
            RunCallersAsync(client, callers: 1, requestsPerCaller: 1).GetAwaiter().GetResult();
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _clients.Dispose();
        _server.StopAsync().GetAwaiter().GetResult();
        _server.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Requests)]
    public Task BareHttpClient() => RunCallersAsync(_bare, Callers, RequestsPerCaller);

    [Benchmark(OperationsPerInvoke = Requests)]
    public Task HandWiredPolly() => RunCallersAsync(_handWired, Callers, RequestsPerCaller);

    [Benchmark(OperationsPerInvoke = Requests)]
    public Task PaymentHttpClient() => RunCallersAsync(_paymentHttp, Callers, RequestsPerCaller);

    // Decomposition rows, for the report: what the factory's own handlers cost, PaymentHttp without 2xx
    // inspection (MakeCommerce), and PaymentHttp with retries, breaker and timeouts off (its handlers alone).
    [Benchmark(OperationsPerInvoke = Requests)]
    public Task FactoryClient() => RunCallersAsync(_factory, Callers, RequestsPerCaller);

    [Benchmark(OperationsPerInvoke = Requests)]
    public Task PaymentHttpNoInspection() => RunCallersAsync(_paymentHttpNoInspection, Callers, RequestsPerCaller);

    [Benchmark(OperationsPerInvoke = Requests)]
    public Task PaymentHttpNoResilience() => RunCallersAsync(_paymentHttpNoResilience, Callers, RequestsPerCaller);

    private static Task RunCallersAsync(HttpClient client, int callers, int requestsPerCaller)
    {
        var running = new Task[callers];
        for (var i = 0; i < callers; i++)
        {
            running[i] = Task.Run(() => CallAsync(client, requestsPerCaller));
        }

        return Task.WhenAll(running);
    }

    private static async Task CallAsync(HttpClient client, int requests)
    {
        for (var i = 0; i < requests; i++)
        {
            using var request = PaymentRequests.NewPayment();
            using var response = await client.SendAsync(request);
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"The loopback server answered {(int)response.StatusCode}.");
            }
        }
    }

    private sealed class Columns : ManualConfig
    {
        public Columns()
        {
            AddColumn(new ReferenceColumn(ReferenceKind.ThroughputRatio));
        }
    }
}
