using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PaymentHttp.Tests.TestUtilities;

namespace PaymentHttp.Tests.Diagnostics;

/// <summary>
/// Logs, metrics and traces: the information an operator needs is there, and no secret is — neither request
/// credentials nor card data echoed in a provider's error body.
/// </summary>
public sealed class TelemetryTests
{
    private const string CardNumber = "4111111111111111";
    private const string BearerToken = "eyJhbGciOiJIUzI1NiJ9.c2VjcmV0LXRva2Vu.sig";
    private const string ApiKey = "plutu-live-key-7f3a9c";

    [Fact]
    public async Task RetryThenSuccess_CountsFailureAndBothAttempts_PollyCountsTheRetryOnce()
    {
        using var fixture = new Fixture();
        fixture.Primary.Respond(HttpStatusCode.TooManyRequests).Respond(HttpStatusCode.OK, "{}");

        using var response = await fixture.Client.PostAsync("payments", new StringContent("{}"));

        var failure = fixture.Capture.Named("paymenthttp.client.failures").ShouldHaveSingleItem();
        failure.Tags["payment.provider"].ShouldBe("plutu");
        failure.Tags["payment.client.name"].ShouldBe(fixture.Name);
        failure.Tags["payment.error.category"].ShouldBe("rate_limited");
        fixture.Capture.PollyEvents().Count(e => e == "OnRetry").ShouldBe(1); // counted by Polly, with the pipeline's name
        fixture.Capture.Measurements.ShouldNotContain(m => m.Instrument.StartsWith("paymenthttp.", StringComparison.Ordinal) && m.Instrument.Contains("retr", StringComparison.Ordinal));
        fixture.Capture.Named("paymenthttp.client.attempt.duration").Select(m => m.Tags["payment.outcome"])
            .ShouldBe(["rate_limited", "success"]);
    }

    [Fact]
    public async Task FinalFailure_ActivityCarriesAttemptsCategoryCodeAndRetryEvents()
    {
        using var fixture = new Fixture();
        fixture.Primary.Always(HttpStatusCode.TooManyRequests, """{"error":{"status":429,"code":"TOO_MANY","message":"slow down"}}""");

        await Should.ThrowAsync<ProviderRateLimitedException>(() => fixture.Client.PostAsync("payments", new StringContent("{}")));

        var activity = fixture.Capture.Activities.ShouldHaveSingleItem();
        activity.OperationName.ShouldBe("PaymentHttp.Call");
        activity.GetTagItem("payment.provider").ShouldBe("plutu");
        activity.GetTagItem("payment.attempts").ShouldBe(4);
        activity.GetTagItem("payment.error.category").ShouldBe("rate_limited");
        activity.GetTagItem("payment.error.code").ShouldBe("other"); // TOO_MANY is no code the client knows
        activity.GetTagItem("http.response.status_code").ShouldBe(429);
        activity.Status.ShouldBe(ActivityStatusCode.Error);
        activity.Events.Count(e => e.Name == "payment.retry").ShouldBe(3);
    }

    [Fact]
    public async Task Success_ActivityHasAttemptsAndNoError()
    {
        using var fixture = new Fixture();
        fixture.Primary.Respond(HttpStatusCode.OK, "{}");

        using var response = await fixture.Client.GetAsync("payments/1");

        var activity = fixture.Capture.Activities.ShouldHaveSingleItem();
        activity.GetTagItem("payment.attempts").ShouldBe(1);
        activity.Status.ShouldBe(ActivityStatusCode.Unset);
        activity.GetTagItem("http.request.method").ShouldBe("GET");
    }

    [Fact]
    public async Task Logs_WarningPerRetry_WarningWhenRetriesRunOut()
    {
        using var fixture = new Fixture();
        fixture.Primary.Always(HttpStatusCode.TooManyRequests);

        await Should.ThrowAsync<ProviderRateLimitedException>(() => fixture.Client.PostAsync("payments", new StringContent("{}")));

        var entries = fixture.Logs.Collector.GetSnapshot().Where(e => e.Category == "PaymentHttp").ToList();
        entries.Count(e => e.Id.Name == "RetryScheduled" && e.Level == LogLevel.Warning).ShouldBe(3);
        var final = entries.Where(e => e.Id.Name == "ProviderUnavailable").ShouldHaveSingleItem();
        final.Level.ShouldBe(LogLevel.Warning); // exhausted throttling: the on-call engineer's to watch, not to be paged for
        final.Message.ShouldContain("rate_limited");
        final.Message.ShouldContain("after 4 attempt(s)");
    }

    [Fact]
    public async Task CircuitTransitions_CountedByPollyLoggedAndTraced()
    {
        using var fixture = new Fixture(o =>
        {
            o.Retry.MaxRetryAttempts = 0;
            o.CircuitBreaker.MinimumThroughput = 2;
            o.CircuitBreaker.BreakDuration = TimeSpan.FromSeconds(5);
        });
        fixture.Primary.Respond(HttpStatusCode.ServiceUnavailable).Respond(HttpStatusCode.ServiceUnavailable).Always(HttpStatusCode.OK, "{}");

        await Should.ThrowAsync<ProviderUnavailableException>(() => fixture.Client.GetAsync("x"));
        await Should.ThrowAsync<ProviderUnavailableException>(() => fixture.Client.GetAsync("x"));
        fixture.Time.Advance(TimeSpan.FromSeconds(5));
        using var recovered = await fixture.Client.GetAsync("x");

        fixture.Capture.PollyEvents().Where(e => e.StartsWith("OnCircuit", StringComparison.Ordinal))
            .ShouldBe(["OnCircuitOpened", "OnCircuitHalfOpened", "OnCircuitClosed"]);
        var names = fixture.Logs.Collector.GetSnapshot().Select(e => e.Id.Name).ToList();
        names.ShouldContain("CircuitOpened");
        names.ShouldContain("CircuitHalfOpened");
        names.ShouldContain("CircuitClosed");
        fixture.Capture.Activities.SelectMany(a => a.Events).Count(e => e.Name == "payment.circuit_breaker").ShouldBe(3);
    }

    [Fact]
    public async Task Secrets_NeverReachExceptionsLogsMetricsOrTraces()
    {
        using var fixture = new Fixture();
        var echoingBody =
            "{\"error\":{\"status\":400,\"code\":\"CARD_REJECTED\"," +
            "\"message\":\"Card " + CardNumber + " with \\\"cvv\\\":\\\"123\\\" rejected for X-API-KEY: " + ApiKey + "\"," +
            "\"fields\":{\"card_number\":[\"" + CardNumber + " is blocked\"]}}}";
        fixture.Primary.Respond(HttpStatusCode.BadRequest, echoingBody);
        using var request = new HttpRequestMessage(HttpMethod.Post, "transaction/localbankcards/confirm")
        {
            Content = new StringContent($$"""{"card_number":"{{CardNumber}}","cvv":"123"}"""),
        };
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + BearerToken);
        request.Headers.TryAddWithoutValidation("X-API-KEY", ApiKey);

        var exception = await Should.ThrowAsync<ProviderValidationException>(() => fixture.Client.SendAsync(request));

        // The information is there...
        exception.ProviderCode.ShouldBe("CARD_REJECTED");
        exception.Message.ShouldContain("[card ****1111]");
        exception.Error.FieldErrors.ShouldHaveSingleItem().Message.ShouldBe("[card ****1111] is blocked");
        fixture.Logs.Collector.GetSnapshot().ShouldContain(e => e.Id.Name == "CallRefused" && e.Message.Contains("CARD_REJECTED"));
        fixture.Capture.Activities.ShouldHaveSingleItem().GetTagItem("payment.error.code").ShouldBe("other"); // not a known code: bounded

        // ...and the secrets are not.
        var everything = string.Join('\n', new[]
        {
            exception.ToString(),
            exception.Error.Message,
            string.Join(';', exception.Error.FieldErrors.Select(f => f.ToString())),
            string.Join('\n', fixture.Logs.Collector.GetSnapshot().Select(e => e.Message + e.Exception)),
            string.Join('\n', fixture.Capture.Measurements.SelectMany(m => m.Tags.Values)),
            string.Join('\n', fixture.Capture.Activities.SelectMany(a => a.TagObjects.Select(t => t.Value?.ToString()))),
            string.Join('\n', fixture.Capture.Activities.SelectMany(a => a.Events.SelectMany(e => e.Tags.Select(t => t.Value?.ToString())))),
        });
        everything.ShouldNotContain(CardNumber);
        everything.ShouldNotContain(BearerToken);
        everything.ShouldNotContain(ApiKey);
        everything.ShouldNotContain("\"cvv\":\"123\"");
    }

    /// <summary>
    /// §5: 5,000 distinct codes the client does not know gave 5,000 tag values. Now they are one value, "other",
    /// on the failure counter, the activity tag and the retry events, while a few known codes mixed in keep their
    /// names (in the table's spelling, whatever case the provider used).
    /// </summary>
    [Fact]
    public async Task FiveThousandUnknownCodes_BoundedCodeTagValues()
    {
        using var fixture = new Fixture(o => o.Retry.MaxRetryAttempts = 0);
        var known = new[] { "INSUFFICIENT_BALANCE", "insufficient_balance", "Invalid_Otp", "WALLET_BALANCE_NOT_ENOUGH", "BANK_BALANCE_NOT_ENOUGH" };
        fixture.Primary.Always((request, _) =>
        {
            var index = int.Parse(request.RequestUri!.Segments[^1], System.Globalization.CultureInfo.InvariantCulture);
            var code = index % 1000 < known.Length ? known[index % 1000] : "UNKNOWN_CODE_" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Task.FromResult(ScriptedHandler.Json(HttpStatusCode.BadRequest, $$$"""{"error":{"status":400,"code":"{{{code}}}","message":"no"}}"""));
        });

        for (var i = 0; i < 5_000; i++)
        {
            await Should.ThrowAsync<PaymentProviderException>(() => fixture.Client.PostAsync("payments/" + i, new StringContent("{}")));
        }

        var failures = fixture.Capture.Named("paymenthttp.client.failures");
        failures.Count.ShouldBe(5_000);
        var values = failures.Select(m => m.Tags["payment.error.code"]).Distinct().Order(StringComparer.Ordinal).ToList();
        values.ShouldBe(["*_BALANCE_NOT_ENOUGH", "INSUFFICIENT_BALANCE", "INVALID_OTP", "other"]);
        failures.Count(m => m.Tags["payment.error.code"] == "other").ShouldBe(5_000 - (5 * known.Length));
        fixture.Capture.Activities.Select(a => a.GetTagItem("payment.error.code")).Distinct().Count().ShouldBe(4);
        fixture.Capture.Activities.Select(a => a.GetTagItem("payment.error.code")).ShouldContain("other");
        fixture.Capture.Measurements.SelectMany(m => m.Tags.Values).ShouldNotContain(v => v != null && v.StartsWith("UNKNOWN_CODE_", StringComparison.Ordinal));
    }

    [Fact]
    public async Task UnknownCodeOnRetries_RetryEventsAndLogsKeepTheFullCodeOnlyInLogs()
    {
        using var fixture = new Fixture();
        fixture.Primary.Always(HttpStatusCode.TooManyRequests, """{"error":{"status":429,"code":"SLOW_DOWN_7f3a","message":"slow down"}}""");

        await Should.ThrowAsync<ProviderRateLimitedException>(() => fixture.Client.PostAsync("payments", new StringContent("{}")));

        var activity = fixture.Capture.Activities.ShouldHaveSingleItem();
        activity.GetTagItem("payment.error.code").ShouldBe("other");
        activity.Events.Where(e => e.Name == "payment.retry").SelectMany(e => e.Tags).Where(t => t.Key == "payment.error.code")
            .Select(t => t.Value).ShouldBe(["other", "other", "other"]);
        fixture.Capture.Named("paymenthttp.client.failures").ShouldAllBe(m => m.Tags["payment.error.code"] == "other");
        fixture.Logs.Collector.GetSnapshot().ShouldContain(e => e.Id.Name == "ProviderUnavailable" && e.Message.Contains("SLOW_DOWN_7f3a"));
    }

    /// <summary>The user's ErrorCodes are codes the client knows: they pass, in the user's spelling.</summary>
    [Theory]
    [InlineData("WALLET_LOCKED")]
    [InlineData("wallet_locked")]
    [InlineData("Wallet_Locked")]
    public async Task ConfiguredErrorCode_PassesInTheConfiguredSpelling(string sent)
    {
        using var fixture = new Fixture(o =>
        {
            o.Retry.MaxRetryAttempts = 0;
            o.ErrorCodes["WALLET_LOCKED"] = PaymentErrorCategory.Declined;
        });
        fixture.Primary.Respond(HttpStatusCode.BadRequest, $$$"""{"error":{"status":400,"code":"{{{sent}}}","message":"locked"}}""");

        var exception = await Should.ThrowAsync<ProviderDeclinedException>(() => fixture.Client.PostAsync("payments", new StringContent("{}")));

        exception.ProviderCode.ShouldBe(sent); // the exception keeps what the provider sent
        fixture.Capture.Named("paymenthttp.client.failures").ShouldHaveSingleItem().Tags["payment.error.code"].ShouldBe("WALLET_LOCKED");
        fixture.Capture.Activities.ShouldHaveSingleItem().GetTagItem("payment.error.code").ShouldBe("WALLET_LOCKED");
    }

    /// <summary>Every built-in provider: table codes pass (ranges as the number, patterns as the pattern); others are "other".</summary>
    [Theory]
    [InlineData(PaymentProvider.PlexyPay, 503, """{"code":1.0,"message":"x","type":"apiError"}""", "1")]
    [InlineData(PaymentProvider.PlexyPay, 400, """{"code":3017,"type":"apiError"}""", "3017")]
    [InlineData(PaymentProvider.PlexyPay, 400, """{"code":3999,"type":"apiError"}""", "other")]
    [InlineData(PaymentProvider.PlexyPay, 402, """{"error":{"type":"card_error","code":"CARD_DECLINED"}}""", "card_declined")]
    [InlineData(PaymentProvider.PlexyPay, 402, """{"error":{"type":"card_error","code":"made_up_7"}}""", "other")]
    [InlineData(PaymentProvider.Paysafe, 409, """{"error":{"code":"PLAN-SUBSCRIPTION-12345"}}""", "PLAN-SUBSCRIPTION-*")]
    [InlineData(PaymentProvider.Paysafe, 402, """{"error":{"code":"3022"}}""", "3022")]
    [InlineData(PaymentProvider.Paysafe, 402, """{"error":{"code":"alternate-payments-int-4"}}""", "ALTERNATE-PAYMENTS-INT-4")]
    [InlineData(PaymentProvider.Paysafe, 400, """{"error":{"code":"77777"}}""", "other")]
    [InlineData(PaymentProvider.MakeCommerce, 400, """{"code":1055}""", "1055")]
    [InlineData(PaymentProvider.MakeCommerce, 400, """{"code":"01055"}""", "other")]
    [InlineData(PaymentProvider.PagarStar, 200, """{"code":8101.0}""", "8101")]
    [InlineData(PaymentProvider.PagarStar, 400, """{"code":1000}""", "1000")]
    [InlineData(PaymentProvider.PagarStar, 200, """{"code":7777}""", "other")]
    [InlineData(PaymentProvider.Plutu, 400, """{"error":{"code":"ACCOUNT_BLOCKED"}}""", "ACCOUNT_BLOCKED")]
    public async Task BuiltInProvider_CodeTagIsKnownCodeOrOther(PaymentProvider provider, int status, string body, string expected)
    {
        using var fixture = new Fixture(o => o.Retry.MaxRetryAttempts = 0, provider);
        fixture.Primary.Always((HttpStatusCode)status, body);

        await Should.ThrowAsync<PaymentProviderException>(() => fixture.Client.PostAsync("payments", new StringContent("{}")));

        fixture.Capture.Named("paymenthttp.client.failures").ShouldHaveSingleItem().Tags["payment.error.code"].ShouldBe(expected);
        fixture.Capture.Activities.ShouldHaveSingleItem().GetTagItem("payment.error.code").ShouldBe(expected);
    }

    /// <summary>A custom classifier's codes cannot be told from free text: only the user's ErrorCodes entries pass.</summary>
    [Fact]
    public async Task CustomClassifier_OnlyConfiguredCodesPass()
    {
        var classifier = new BodyIsTheCodeClassifier();
        using var fixture = new Fixture(o =>
        {
            o.Retry.MaxRetryAttempts = 0;
            o.ErrorCodes["ACME-42"] = PaymentErrorCategory.Declined;
        }, classifier: classifier);
        fixture.Primary.Always((request, _) => Task.FromResult(ScriptedHandler.Json(HttpStatusCode.BadRequest, request.RequestUri!.Segments[^1])));

        for (var i = 0; i < 50; i++)
        {
            await Should.ThrowAsync<PaymentProviderException>(() => fixture.Client.PostAsync("ACME-" + i, new StringContent("{}")));
        }

        var values = fixture.Capture.Named("paymenthttp.client.failures").Select(m => m.Tags["payment.error.code"]).Distinct().Order(StringComparer.Ordinal);
        values.ShouldBe(["ACME-42", "other"]);
    }

    /// <summary>The method is caller data, but a made-up one would still grow the tag set: it is "_OTHER".</summary>
    [Theory]
    [InlineData("POST", "POST")]
    [InlineData("PATCH", "PATCH")]
    [InlineData("PURGE", "_OTHER")]
    [InlineData("CHARGE-7f3a", "_OTHER")]
    public async Task RequestMethod_KnownByNameOtherwiseOther(string method, string expected)
    {
        using var fixture = new Fixture();
        fixture.Primary.Respond(HttpStatusCode.OK, "{}");
        using var request = new HttpRequestMessage(new HttpMethod(method), "payments") { Content = new StringContent("{}") };
        request.MarkAsIdempotent();

        using var response = await fixture.Client.SendAsync(request);

        var activity = fixture.Capture.Activities.ShouldHaveSingleItem();
        activity.GetTagItem("http.request.method").ShouldBe(expected);
        activity.DisplayName.ShouldBe("plutu " + expected);
    }

    [Fact]
    public async Task NoCode_NoCodeTagValue()
    {
        using var fixture = new Fixture(o => o.Retry.MaxRetryAttempts = 0);
        fixture.Primary.Always(HttpStatusCode.BadRequest, "");

        await Should.ThrowAsync<ProviderValidationException>(() => fixture.Client.PostAsync("payments", new StringContent("{}")));

        fixture.Capture.Named("paymenthttp.client.failures").ShouldHaveSingleItem().Tags["payment.error.code"].ShouldBeNull();
    }

    /// <summary>A classifier whose code is the whole body: a stand-in for any free-text code.</summary>
    private sealed class BodyIsTheCodeClassifier : PaymentErrorClassifier
    {
        public override ProviderError? Classify(in ProviderResponse response) =>
            new(PaymentErrorCategory.InvalidRequest, "custom") { Code = System.Text.Encoding.UTF8.GetString(response.Body) };
    }

    /// <summary>A client with a unique name, its own meter factory, captured logs and a fake clock.</summary>
    private sealed class Fixture : IDisposable
    {
        private readonly ServiceProvider _services;

        public Fixture(
            Action<PaymentProviderClientOptions>? configure = null,
            PaymentProvider provider = PaymentProvider.Plutu,
            PaymentErrorClassifier? classifier = null)
        {
            Name = "telemetry-" + Guid.NewGuid().ToString("N");
            var services = new ServiceCollection();
            services.AddSingleton<TimeProvider>(Time);
            services.AddLogging(b => b.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace));
            Action<PaymentProviderClientOptions> options = o =>
            {
                o.BaseAddress = new Uri("http://plutu.test/");
                o.Retry.BaseDelay = TimeSpan.Zero;
                configure?.Invoke(o);
            };
            var builder = services.AddHttpClient(Name);
            _ = classifier is null ? builder.AddPaymentProviderHandlers(provider, options) : builder.AddPaymentProviderHandlers(classifier, options);
            builder.ConfigurePrimaryHttpMessageHandler(() => Primary);
            _services = services.BuildServiceProvider();
            Capture = new TelemetryCapture(_services.GetRequiredService<IMeterFactory>(), Name);
            Client = _services.GetRequiredService<IHttpClientFactory>().CreateClient(Name);
        }

        public string Name { get; }

        public FakeTimeProvider Time { get; } = new();

        public ScriptedHandler Primary { get; } = new();

        public FakeLoggerProvider Logs { get; } = new();

        public TelemetryCapture Capture { get; }

        public HttpClient Client { get; }

        public void Dispose()
        {
            Capture.Dispose();
            Client.Dispose();
            _services.Dispose();
        }
    }
}
