using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using PaymentHttp.Benchmarks.Infrastructure;

namespace PaymentHttp.Benchmarks;

/// <summary>
/// The cost PaymentHttp adds to a successful call: a 200 with a small JSON body, from an in-memory primary handler,
/// through (a) a bare <see cref="HttpClient"/> [baseline], a factory client with no handlers (for context: what
/// <c>IHttpClientFactory</c> itself adds), (b) a factory client with a hand-wired Polly pipeline of the same
/// strategies and options, and (c) a PaymentHttp client (MakeCommerce, which does not inspect 2xx bodies; see
/// <see cref="SuccessInspectionBenchmarks"/> for those that do).
/// </summary>
/// <remarks>
/// Targets: (c) ≤ 1.15× the time and ≤ 1.1× the allocations of (b) — the "vs HandWiredPolly" columns — and at most
/// +1 μs and +1 KB per request over (a) — the "Δ vs baseline" columns. The "Send" category leaves the body
/// unread (<see cref="HttpClient"/> has buffered it already); "SendAndRead" also reads it as a string, to show that
/// PaymentHttp's in-pipeline buffering leaves nothing extra to pay when the caller reads the body.
/// </remarks>
[MemoryDiagnoser]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[Config(typeof(Columns))]
public class SuccessPathBenchmarks
{
    private const string Send = "Send";
    private const string SendAndRead = "SendAndRead";

    private BenchmarkClients _clients = null!;
    private HttpClient _bare = null!;
    private HttpClient _factory = null!;
    private HttpClient _handWired = null!;
    private HttpClient _paymentHttp = null!;

    [GlobalSetup]
    public void Setup()
    {
        static HttpMessageHandler Primary() => new CannedResponseHandler(ProviderBodies.SmallSuccess);

        _clients = new BenchmarkClients(new Uri("http://provider.test/"))
            .AddFactoryClient("factory", Primary)
            .AddHandWiredPolly("polly", Primary)
            .AddPaymentHttp("paymenthttp", PaymentProvider.MakeCommerce, Primary);
        _bare = _clients.Bare(Primary());
        _factory = _clients.Get("factory");
        _handWired = _clients.Get("polly");
        _paymentHttp = _clients.Get("paymenthttp");

        // Every variant must really return the 200 and its body; a benchmark of a broken path measures nothing.
        var expected = Encoding.UTF8.GetString(ProviderBodies.SmallSuccess.Body);
        foreach (var client in new[] { _bare, _factory, _handWired, _paymentHttp })
        {
            var body = SendAndReadAsync(client).GetAwaiter().GetResult();
            if (body != expected)
            {
                throw new InvalidOperationException($"Unexpected body: {body}");
            }
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _clients.Dispose();

    [Benchmark(Baseline = true), BenchmarkCategory(Send)]
    public Task<int> BareHttpClient() => SendAsync(_bare);

    [Benchmark, BenchmarkCategory(Send)]
    public Task<int> FactoryClient() => SendAsync(_factory);

    [Benchmark, BenchmarkCategory(Send)]
    public Task<int> HandWiredPolly() => SendAsync(_handWired);

    [Benchmark, BenchmarkCategory(Send)]
    public Task<int> PaymentHttpClient() => SendAsync(_paymentHttp);

    [Benchmark(Baseline = true), BenchmarkCategory(SendAndRead)]
    public Task<string> BareHttpClient_ReadBody() => SendAndReadAsync(_bare);

    [Benchmark, BenchmarkCategory(SendAndRead)]
    public Task<string> HandWiredPolly_ReadBody() => SendAndReadAsync(_handWired);

    [Benchmark, BenchmarkCategory(SendAndRead)]
    public Task<string> PaymentHttpClient_ReadBody() => SendAndReadAsync(_paymentHttp);

    private static async Task<int> SendAsync(HttpClient client)
    {
        using var request = PaymentRequests.NewPayment();
        using var response = await client.SendAsync(request);
        return (int)response.StatusCode;
    }

    private static async Task<string> SendAndReadAsync(HttpClient client)
    {
        using var request = PaymentRequests.NewPayment();
        using var response = await client.SendAsync(request);
        return await response.Content.ReadAsStringAsync();
    }

    private sealed class Columns : ManualConfig
    {
        public Columns()
        {
            AddColumn(
                new ReferenceColumn(ReferenceKind.TimeRatio, nameof(HandWiredPolly)),
                new ReferenceColumn(ReferenceKind.AllocRatio, nameof(HandWiredPolly)),
                new ReferenceColumn(ReferenceKind.TimeDelta),
                new ReferenceColumn(ReferenceKind.AllocDelta));
        }
    }
}
