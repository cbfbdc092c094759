using System.Diagnostics;
using System.Net;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using PaymentHttp.Benchmarks.Infrastructure;
using Polly;

namespace PaymentHttp.Benchmarks;

/// <summary>
/// PaymentHttp side by side with Microsoft's own resilience handlers, every row an <see cref="IHttpClientFactory"/>
/// client over the same in-memory primary handler, ratios from one run: <c>AddStandardResilienceHandler()</c> with
/// its defaults [baseline], <c>AddResilienceHandler</c> with retry + circuit breaker + attempt timeout set like
/// PaymentHttp's defaults, and PaymentHttp (<c>AddPaymentProviderClient</c>) for each provider.
/// </summary>
/// <remarks>
/// Categories: <c>Success</c> (a payment POST answered with the provider's success (201 for Paysafe)); <c>Retry</c> (a GET answered 503, then 200; every
/// row's retry delay set to zero, so no row sleeps); <c>Telemetry</c> (the success path with an OpenTelemetry
/// MeterProvider listening to the PaymentHttp and Polly meters and a TracerProvider to the PaymentHttp source);
/// <c>Decline</c> (a payment POST answered with the provider's failure, caught as the typed exception, against the
/// floor: a bare client whose handler throws a new exception of the same type, caught by the caller). Targets are
/// in docs/benchmarks.md.
/// </remarks>
[MemoryDiagnoser]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory, BenchmarkLogicalGroupRule.ByParams)]
public class StandardHandlerComparisonBenchmarks
{
    private const string Success = "Success";
    private const string Retry = "Retry";
    private const string Telemetry = "Telemetry";
    private const string Decline = "Decline";

    private static readonly CannedResponse Unavailable = new(HttpStatusCode.ServiceUnavailable, "");

    private readonly Dictionary<string, HttpClient> _clients = [];
    private ServiceProvider _services = null!;
    private HttpClient _floor = null!;
    private MeterProvider? _meters;
    private TracerProvider? _tracer;
    private PaymentErrorCategory _declineCategory;

    [ParamsAllValues]
    public PaymentProvider Provider { get; set; }

    [GlobalSetup(Targets = [nameof(StandardHandler), nameof(ResilienceHandler), nameof(PaymentHttpClient),
        nameof(StandardHandler_Retry), nameof(ResilienceHandler_Retry), nameof(PaymentHttpClient_Retry),
        nameof(Floor_Decline), nameof(PaymentHttpClient_Decline)])]
    public void Setup() => Build(withTelemetry: false);

    [GlobalSetup(Targets = [nameof(StandardHandler_Telemetry), nameof(ResilienceHandler_Telemetry), nameof(PaymentHttpClient_Telemetry)])]
    public void SetupWithTelemetry() => Build(withTelemetry: true);

    [GlobalCleanup]
    public void Cleanup()
    {
        _services.Dispose();
        _floor.Dispose();
        _meters?.Dispose();
        _tracer?.Dispose();
        _clients.Clear();
    }

    [Benchmark(Baseline = true), BenchmarkCategory(Success)]
    public Task<int> StandardHandler() => PostAsync("standard");

    [Benchmark, BenchmarkCategory(Success)]
    public Task<int> ResilienceHandler() => PostAsync("custom");

    [Benchmark, BenchmarkCategory(Success)]
    public Task<int> PaymentHttpClient() => PostAsync("paymenthttp");

    [Benchmark(Baseline = true), BenchmarkCategory(Retry)]
    public Task<int> StandardHandler_Retry() => GetAsync("standard-retry");

    [Benchmark, BenchmarkCategory(Retry)]
    public Task<int> ResilienceHandler_Retry() => GetAsync("custom-retry");

    [Benchmark, BenchmarkCategory(Retry)]
    public Task<int> PaymentHttpClient_Retry() => GetAsync("paymenthttp-retry");

    [Benchmark(Baseline = true), BenchmarkCategory(Telemetry)]
    public Task<int> StandardHandler_Telemetry() => PostAsync("standard");

    [Benchmark, BenchmarkCategory(Telemetry)]
    public Task<int> ResilienceHandler_Telemetry() => PostAsync("custom");

    [Benchmark, BenchmarkCategory(Telemetry)]
    public Task<int> PaymentHttpClient_Telemetry() => PostAsync("paymenthttp");

    [Benchmark(Baseline = true), BenchmarkCategory(Decline)]
    public Task<PaymentErrorCategory> Floor_Decline() => CatchAsync(_floor);

    [Benchmark, BenchmarkCategory(Decline)]
    public Task<PaymentErrorCategory> PaymentHttpClient_Decline() => CatchAsync(_clients["paymenthttp-decline"]);

    private static CannedResponse SuccessFor(PaymentProvider provider) =>
        provider is PaymentProvider.Paysafe or PaymentProvider.PagarStar ? ProviderBodies.InspectedSuccessFor(provider) : ProviderBodies.SmallSuccess;

    private static async Task<PaymentErrorCategory> CatchAsync(HttpClient client)
    {
        using var request = PaymentRequests.NewPayment();
        try
        {
            using var response = await client.SendAsync(request);
            throw new InvalidOperationException($"Expected a typed exception, got HTTP {(int)response.StatusCode}.");
        }
        catch (PaymentProviderException failure)
        {
            return failure.Category;
        }
    }

    private void Build(bool withTelemetry)
    {
        var baseAddress = new Uri("http://provider.test/");
        var success = SuccessFor(Provider);
        var failure = ProviderBodies.ErrorFor(Provider);
        _declineCategory = failure.ExpectedCategory;
        var services = new ServiceCollection();

        void Plain(string name, Func<HttpMessageHandler> primary, Action<IHttpClientBuilder> resilience)
        {
            var builder = services.AddHttpClient(name, c =>
            {
                c.BaseAddress = baseAddress;
                c.Timeout = Timeout.InfiniteTimeSpan;
            }).ConfigurePrimaryHttpMessageHandler(primary);
            resilience(builder);
        }

        Plain("standard", () => new CannedResponseHandler(success), b => b.AddStandardResilienceHandler());
        Plain("custom", () => new CannedResponseHandler(success), b => AddLikePaymentHttp(b, zeroDelay: false));
        // Every call of the retry rows fails once in two attempts: a breaker of any row would open at its ratio and
        // turn the row into an open-circuit benchmark, so every row's breaker acts only when all attempts fail.
        Plain("standard-retry", () => new AlternatingResponseHandler(Unavailable, success), b => b.AddStandardResilienceHandler(o =>
        {
            o.Retry.Delay = TimeSpan.Zero;
            o.Retry.UseJitter = false;
            o.CircuitBreaker.FailureRatio = 1.0;
        }));
        Plain("custom-retry", () => new AlternatingResponseHandler(Unavailable, success), b => AddLikePaymentHttp(b, zeroDelay: true));
        services.AddPaymentProviderClient("paymenthttp", Provider, o => o.BaseAddress = baseAddress)
            .ConfigurePrimaryHttpMessageHandler(() => new CannedResponseHandler(success));
        services.AddPaymentProviderClient("paymenthttp-retry", Provider, o =>
            {
                o.BaseAddress = baseAddress;
                o.Retry.BaseDelay = TimeSpan.Zero;
                o.CircuitBreaker.FailureRatio = 1.0;
            })
            .ConfigurePrimaryHttpMessageHandler(() => new AlternatingResponseHandler(Unavailable, success));
        services.AddPaymentProviderClient("paymenthttp-decline", Provider, o => o.BaseAddress = baseAddress)
            .ConfigurePrimaryHttpMessageHandler(() => new CannedResponseHandler(failure.Response));

        if (withTelemetry)
        {
            _meters = Sdk.CreateMeterProviderBuilder()
                .AddMeter("PaymentHttp", "Polly")
                .AddReader(new PeriodicExportingMetricReader(new DiscardingExporter<Metric>(), exportIntervalMilliseconds: 60_000))
                .Build();
            _tracer = Sdk.CreateTracerProviderBuilder()
                .AddSource("PaymentHttp")
                .SetSampler(new AlwaysOnSampler())
                .AddProcessor(new SimpleActivityExportProcessor(new DiscardingExporter<Activity>()))
                .Build();
        }

        _services = services.BuildServiceProvider();
        var factory = _services.GetRequiredService<IHttpClientFactory>();
        foreach (var name in new[] { "standard", "custom", "standard-retry", "custom-retry", "paymenthttp", "paymenthttp-retry", "paymenthttp-decline" })
        {
            _clients[name] = factory.CreateClient(name);
        }

        var declineType = ProviderExceptionType(_declineCategory);
        _floor = new HttpClient(new ThrowingHandler(() => (Exception)Activator.CreateInstance(declineType, "declined")!))
        {
            BaseAddress = baseAddress,
            Timeout = Timeout.InfiniteTimeSpan,
        };

        // Each row must measure the path it claims to.
        foreach (var name in new[] { "standard", "custom", "paymenthttp" })
        {
            Check(PostAsync(name).GetAwaiter().GetResult() == (int)success.StatusCode, $"{name}: the success path did not answer {success.StatusCode}");
        }

        foreach (var name in new[] { "standard-retry", "custom-retry", "paymenthttp-retry" })
        {
            Check(GetAsync(name).GetAwaiter().GetResult() == (int)success.StatusCode, $"{name}: the retry path did not end in {success.StatusCode}");
        }

        Check(CatchAsync(_clients["paymenthttp-decline"]).GetAwaiter().GetResult() == _declineCategory, "PaymentHttp did not throw the expected category");
        Check(CatchAsync(_floor).GetAwaiter().GetResult() == _declineCategory, "the floor did not throw the expected category");
    }

    private static void AddLikePaymentHttp(IHttpClientBuilder builder, bool zeroDelay) =>
        builder.AddResilienceHandler("payment-like", pipeline => pipeline
            .AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = 3,
                Delay = zeroDelay ? TimeSpan.Zero : TimeSpan.FromSeconds(1),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = !zeroDelay,
                MaxDelay = TimeSpan.FromSeconds(30),
            })
            .AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
            {
                FailureRatio = zeroDelay ? 1.0 : 0.5,
                MinimumThroughput = 10,
                SamplingDuration = TimeSpan.FromSeconds(60),
                BreakDuration = TimeSpan.FromSeconds(30),
            })
            .AddTimeout(TimeSpan.FromSeconds(30)));

    private static Type ProviderExceptionType(PaymentErrorCategory category) => category switch
    {
        PaymentErrorCategory.Declined => typeof(ProviderDeclinedException),
        PaymentErrorCategory.InvalidRequest => typeof(ProviderValidationException),
        _ => throw new InvalidOperationException($"No floor for {category}."),
    };

    private static void Check(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException(what);
        }
    }

    private async Task<int> PostAsync(string name)
    {
        using var request = PaymentRequests.NewPayment();
        using var response = await _clients[name].SendAsync(request);
        return (int)response.StatusCode;
    }

    private async Task<int> GetAsync(string name)
    {
        using var response = await _clients[name].GetAsync(PaymentRequests.Path);
        return (int)response.StatusCode;
    }
}
