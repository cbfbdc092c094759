using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using PaymentHttp.Benchmarks.Infrastructure;

namespace PaymentHttp.Benchmarks;

/// <summary>
/// What inspecting 2xx bodies costs the providers that report failures inside a 2xx (PagarStar <c>{"code":1000}</c>,
/// Paysafe <c>{"status":"COMPLETED"}</c>). "Pipeline": the same ~1 KB success body through a PaymentHttp client
/// for that provider, against a PaymentHttp client for MakeCommerce, which does not inspect 2xx bodies [baseline]:
/// the only difference is the inspection. "Classifier": the classifier alone on the body (it must return no
/// error), against <see cref="JsonDocument"/> parsing the same bytes [baseline].
/// </summary>
/// <remarks>Target: under 2 μs extra per success response (the "Δ time vs baseline" column of "Pipeline").</remarks>
[MemoryDiagnoser]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[Config(typeof(Columns))]
public class SuccessInspectionBenchmarks
{
    private const string Pipeline = "Pipeline";
    private const string Classifier = "Classifier";

    private PaymentErrorClassifier _classifier = null!;
    private HttpStatusCode _statusCode;
    private HttpResponseHeaders _headers = null!;
    private HttpContentHeaders _contentHeaders = null!;
    private byte[] _body = null!;
    private HttpResponseMessage _template = null!;
    private BenchmarkClients _clients = null!;
    private HttpClient _nonInspecting = null!;
    private HttpClient _inspecting = null!;

    [Params(PaymentProvider.PagarStar, PaymentProvider.Paysafe)]
    public PaymentProvider Provider { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var success = ProviderBodies.InspectedSuccessFor(Provider);
        _classifier = Provider == PaymentProvider.PagarStar ? PagarStarClassifier.Instance : PaysafeClassifier.Instance;
        _template = success.Create(request: null);
        _statusCode = _template.StatusCode;
        _headers = _template.Headers;
        _contentHeaders = _template.Content.Headers;
        _body = success.Body;

        // Both clients get the very same response; only the provider (and so the classifier) differs.
        _clients = new BenchmarkClients(new Uri("http://provider.test/"))
            .AddPaymentHttp("noninspecting", PaymentProvider.MakeCommerce, () => new CannedResponseHandler(success))
            .AddPaymentHttp("inspecting", Provider, () => new CannedResponseHandler(success));
        _nonInspecting = _clients.Get("noninspecting");
        _inspecting = _clients.Get("inspecting");

        // The success must pass through untouched and readable, and the classifier must see no error in it.
        if (!_classifier.InspectsSuccessResponses || ClassifierAlone() is not null)
        {
            throw new InvalidOperationException($"{Provider}: the classifier must inspect 2xx bodies and find no error here.");
        }

        var expected = Encoding.UTF8.GetString(success.Body);
        foreach (var client in new[] { _nonInspecting, _inspecting })
        {
            using var request = PaymentRequests.NewPayment();
            using var response = client.SendAsync(request).GetAwaiter().GetResult();
            if (response.StatusCode != success.StatusCode || response.Content.ReadAsStringAsync().GetAwaiter().GetResult() != expected)
            {
                throw new InvalidOperationException($"{Provider}: the success response did not pass through unchanged.");
            }
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _template.Dispose();
        _clients.Dispose();
    }

    [Benchmark(Baseline = true), BenchmarkCategory(Pipeline)]
    public Task<int> NonInspectingProvider() => SendAsync(_nonInspecting);

    [Benchmark, BenchmarkCategory(Pipeline)]
    public Task<int> InspectingProvider() => SendAsync(_inspecting);

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

    private static async Task<int> SendAsync(HttpClient client)
    {
        using var request = PaymentRequests.NewPayment();
        using var response = await client.SendAsync(request);
        return (int)response.StatusCode;
    }

    private sealed class Columns : ManualConfig
    {
        public Columns()
        {
            AddColumn(new ReferenceColumn(ReferenceKind.TimeDelta), new ReferenceColumn(ReferenceKind.AllocDelta));
        }
    }
}
