using BenchmarkDotNet.Attributes;

namespace PaymentHttp.Benchmarks;

/// <summary>
/// What redaction costs on the error path, per piece of provider text: an ordinary message (nothing to redact:
/// the same string back, nothing allocated), and a message that echoes a card and the request's key. Both are
/// redacted with the secrets of a request carrying a basic credential, an API key and a user-named header.
/// </summary>
[MemoryDiagnoser]
public class RedactionBenchmarks
{
    private const string Ordinary = "HTTP 400 (BadRequest), code 1035: Payment declined by the issuer";
    private const string Echoing = "Invalid API Key provided: plk_7Hq2Zr9Wm4Xv8Tn3 for card 4111 1111 1111 1111 12/30";

    private readonly HttpRequestMessage _request = new(HttpMethod.Post, "http://provider.test/payments");
    private readonly ClientSecrets _client = new(["X-Shop-Token"], ["0123456789abcdef"]);

    [GlobalSetup]
    public void Setup()
    {
        _request.Headers.TryAddWithoutValidation("Authorization", "Basic MTAwMTA4ODQ4MDpCLXFhMi0wLTVmM2IxYzllLTAtMzAyYzAyMTQ=");
        _request.Headers.TryAddWithoutValidation("X-API-KEY", "plk_7Hq2Zr9Wm4Xv8Tn3");
        _request.Headers.TryAddWithoutValidation("X-Shop-Token", "tok/93+Hq=Z81");
    }

    [Benchmark(Baseline = true)]
    public string PatternsOnly_Ordinary() => SecretRedactor.Redact(Ordinary);

    [Benchmark]
    public string WithRequestSecrets_Ordinary() => SecretRedactor.Redact(Ordinary, _client.For(_request));

    [Benchmark]
    public string WithRequestSecrets_Echoing() => SecretRedactor.Redact(Echoing, _client.For(_request));
}
