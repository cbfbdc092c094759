using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using PaymentHttp.Benchmarks.Infrastructure;

namespace PaymentHttp.Benchmarks;

/// <summary>
/// The cost of a provider failure, per provider, with a realistic ~1 KB body in the provider's own envelope
/// (<see cref="ProviderBodies"/>). "Classifier": the provider's classifier alone over the body bytes, against
/// <see cref="JsonDocument.Parse(ReadOnlyMemory{byte}, JsonDocumentOptions)"/> of the same bytes [baseline] — the least a
/// hand-written classifier would do. "Pipeline", for context: a PaymentHttp client all the way to the typed
/// exception (thrown and caught), against a bare <see cref="HttpClient"/> that reads the error body as a string
/// [baseline] — the least a caller without PaymentHttp must do to learn anything about the failure.
/// </summary>
/// <remarks>
/// Targets (classifier alone): under 10 μs and under 4 KB allocated per classification. No failure here is
/// retried or counted by the circuit breaker (declines and validation errors are final), so every pipeline call is
/// one attempt and the breaker stays closed.
/// </remarks>
[MemoryDiagnoser]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class ErrorPathBenchmarks
{
    private const string Classifier = "Classifier";
    private const string Pipeline = "Pipeline";

    private PaymentErrorClassifier _classifier = null!;
    private HttpStatusCode _statusCode;
    private HttpResponseHeaders _headers = null!;
    private HttpContentHeaders _contentHeaders = null!;
    private byte[] _body = null!;
    private HttpResponseMessage _template = null!;
    private BenchmarkClients _clients = null!;
    private HttpClient _bare = null!;
    private HttpClient _paymentHttp = null!;

    [ParamsAllValues]
    public PaymentProvider Provider { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var failure = ProviderBodies.ErrorFor(Provider);
        _classifier = Provider switch
        {
            PaymentProvider.Plutu => PlutuClassifier.Instance,
            PaymentProvider.PlexyPay => PlexyPayClassifier.Instance,
            PaymentProvider.Paysafe => PaysafeClassifier.Instance,
            PaymentProvider.MakeCommerce => MakeCommerceClassifier.Instance,
            PaymentProvider.PagarStar => PagarStarClassifier.Instance,
            _ => throw new InvalidOperationException($"No classifier for {Provider}."),
        };

        // The classifier sees the headers of a real response message; built once, read-only afterwards.
        _template = failure.Response.Create(request: null);
        _statusCode = _template.StatusCode;
        _headers = _template.Headers;
        _contentHeaders = _template.Content.Headers;
        _body = failure.Response.Body;

        _clients = new BenchmarkClients(new Uri("http://provider.test/"))
            .AddPaymentHttp("paymenthttp", Provider, () => new CannedResponseHandler(failure.Response));
        _bare = _clients.Bare(new CannedResponseHandler(failure.Response));
        _paymentHttp = _clients.Get("paymenthttp");

        // Check that each benchmark measures the path it claims to: the expected category, by both routes.
        if (ClassifierAlone()?.Category is not { } category || category != failure.ExpectedCategory)
        {
            throw new InvalidOperationException($"{Provider}: the classifier gave {ClassifierAlone()?.Category}, expected {failure.ExpectedCategory}.");
        }

        var thrown = PaymentHttpClient_TypedException().GetAwaiter().GetResult();
        if (thrown != failure.ExpectedCategory)
        {
            throw new InvalidOperationException($"{Provider}: the pipeline threw {thrown}, expected {failure.ExpectedCategory}.");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _template.Dispose();
        _clients.Dispose();
    }

    [Benchmark(Baseline = true), BenchmarkCategory(Classifier)]
    public int JsonDocumentParse()
    {
        using var document = JsonDocument.Parse(_body);
        return document.RootElement.GetPropertyCount();
    }

    [Benchmark, BenchmarkCategory(Classifier)]
    public ProviderError? ClassifierAlone()
    {
        var response = new ProviderResponse(_statusCode, _headers, _contentHeaders, _body, isBodyTruncated: false);
        return _classifier.Classify(in response);
    }

    [Benchmark(Baseline = true), BenchmarkCategory(Pipeline)]
    public async Task<int> BareHttpClient_ReadErrorBody()
    {
        using var request = PaymentRequests.NewPayment();
        using var response = await _bare.SendAsync(request);
        return (await response.Content.ReadAsStringAsync()).Length;
    }

    [Benchmark, BenchmarkCategory(Pipeline)]
    public async Task<PaymentErrorCategory> PaymentHttpClient_TypedException()
    {
        using var request = PaymentRequests.NewPayment();
        try
        {
            using var response = await _paymentHttp.SendAsync(request);
        }
        catch (PaymentProviderException exception)
        {
            return exception.Category;
        }

        throw new InvalidOperationException($"{Provider}: expected a typed exception, got a response.");
    }
}
