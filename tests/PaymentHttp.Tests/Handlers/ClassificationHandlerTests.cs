using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PaymentHttp.Tests.TestUtilities;

namespace PaymentHttp.Tests.Handlers;

public sealed class ClassificationHandlerTests
{
    [Fact]
    public async Task SuccessBody_StaysReadableForTheCaller()
    {
        using var harness = PaymentClientHarness.Create();
        harness.Primary.Respond(HttpStatusCode.OK, """{"result":{"transaction_id":"T1"}}""");

        using var response = await harness.PostAsync();

        (await response.Content.ReadAsStringAsync()).ShouldBe("""{"result":{"transaction_id":"T1"}}""");
        (await response.Content.ReadAsStringAsync()).ShouldBe("""{"result":{"transaction_id":"T1"}}""");
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
    }

    [Fact]
    public async Task SuccessBodyStreamedWithHeadersRead_StillReadable()
    {
        using var harness = PaymentClientHarness.Create();
        harness.Primary.Respond(HttpStatusCode.OK, "0123456789");
        using var request = new HttpRequestMessage(HttpMethod.Get, "reports/1");

        using var response = await harness.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());

        (await reader.ReadToEndAsync()).ShouldBe("0123456789");
    }

    [Fact]
    public async Task Post_SuccessBodyBreaksOff_OutcomeUnknownBecauseThePaymentMayHaveGoneThrough()
    {
        using var harness = PaymentClientHarness.Create();
        harness.Primary.Then((_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StreamContent(new BreakingStream(Encoding.UTF8.GetBytes("""{"status":"COMPL"""))),
        }));

        var exception = await Should.ThrowAsync<ProviderOutcomeUnknownException>(() => harness.PostAsync());

        exception.StatusCode.ShouldBe(HttpStatusCode.OK);
        exception.Attempts.ShouldBe(1);
        exception.InnerException.ShouldNotBeNull();
        harness.Primary.Attempts.ShouldBe(1);
    }

    [Fact]
    public async Task Get_InspectedSuccessBodyBreaksOff_RetriedThenSucceeds()
    {
        // Paysafe inspects 2xx bodies: the break happens inside the pipeline, where a safe request is retried.
        using var harness = PaymentClientHarness.Create(PaymentProvider.Paysafe);
        harness.Primary
            .Then((_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StreamContent(new BreakingStream(Encoding.UTF8.GetBytes("{\"par"))),
            }))
            .Respond(HttpStatusCode.OK, """{"paid":true}""");

        using var response = await harness.GetAsync();

        (await response.Content.ReadAsStringAsync()).ShouldBe("""{"paid":true}""");
        harness.Primary.Attempts.ShouldBe(2);
    }

    [Fact]
    public async Task Get_UninspectedSuccessBodyBreaksOff_RetriedThenSucceeds()
    {
        // Plutu does not inspect 2xx bodies, but a request safe to repeat reads ahead as far as inspection would, so
        // that a break within it is retried.
        using var harness = PaymentClientHarness.Create();
        harness.Primary
            .Then((_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StreamContent(new BreakingStream(Encoding.UTF8.GetBytes("{\"par"))),
            }))
            .Respond(HttpStatusCode.OK, """{"paid":true}""");

        using var response = await harness.GetAsync();

        (await response.Content.ReadAsStringAsync()).ShouldBe("""{"paid":true}""");
        harness.Primary.Attempts.ShouldBe(2);
    }

    [Theory]
    [InlineData("POST", true)]
    [InlineData("DELETE", true)]
    [InlineData("PATCH", true)]
    [InlineData("GET", false)]
    [InlineData("HEAD", false)]
    public async Task BodilessUnsafeRequest_GetsEmptyContent_SoTheSocketHandlerCannotResendIt(string method, bool expectContent)
    {
        using var harness = PaymentClientHarness.Create();
        harness.Primary.Respond(HttpStatusCode.OK, "{}");
        using var request = new HttpRequestMessage(new HttpMethod(method), "payments/1/capture");

        using var response = await harness.Client.SendAsync(request);

        (request.Content is not null).ShouldBe(expectContent);
        harness.Primary.Requests.Single().Body.ShouldBeEmpty();
    }

    [Fact]
    public async Task BodilessPostMarkedIdempotent_KeepsNoContent()
    {
        using var harness = PaymentClientHarness.Create();
        harness.Primary.Respond(HttpStatusCode.OK, "{}");
        using var request = new HttpRequestMessage(HttpMethod.Post, "payments/1/refresh").MarkAsIdempotent();

        using var response = await harness.Client.SendAsync(request);

        request.Content.ShouldBeNull();
    }

    [Fact]
    public async Task HugeErrorBody_ReadNoFurtherThanTheLimit()
    {
        var body = new CountingStream(50L * 1024 * 1024);
        using var harness = PaymentClientHarness.Create(configure: o => o.MaxErrorBodyBytes = 4096);
        harness.Primary.Then((_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.BadRequest)
        {
            Content = new StreamContent(body, bufferSize: 1024),
        }));

        var exception = await Should.ThrowAsync<ProviderValidationException>(() => harness.PostAsync());

        body.BytesRead.ShouldBeLessThanOrEqualTo(4096 + 1);
        exception.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task ErrorBodyBreaksOff_ClassifiedByStatus()
    {
        using var harness = PaymentClientHarness.Create();
        harness.Primary.Then((_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.Conflict)
        {
            Content = new StreamContent(new BreakingStream(Encoding.UTF8.GetBytes("{\"error\":{\"co"))),
        }));

        var exception = await Should.ThrowAsync<ProviderConflictException>(() => harness.PostAsync());

        exception.Attempts.ShouldBe(1);
    }

    [Fact]
    public async Task Classifier_SeesStatusHeadersAndBoundedBody()
    {
        var classifier = new RecordingClassifier();
        using var harness = CreateWithClassifier(classifier, o => o.MaxErrorBodyBytes = 1024);
        harness.Primary.Respond(
            HttpStatusCode.BadRequest,
            new string('a', 3000),
            r => r.Headers.TryAddWithoutValidation("x-application-error-code", "5068"));

        await Should.ThrowAsync<ProviderValidationException>(() => harness.PostAsync());

        classifier.Seen.ShouldBe((HttpStatusCode.BadRequest, "5068", 1024, true));
    }

    [Fact]
    public async Task CustomClassifier_DecidesCategoryAndCode_ProviderIsNull()
    {
        using var harness = CreateWithClassifier(new FixedClassifier(new ProviderError(PaymentErrorCategory.Declined, "Card refused") { Code = "E_CARD" }));
        harness.Primary.Respond(HttpStatusCode.BadRequest, "{}");

        var exception = await Should.ThrowAsync<ProviderDeclinedException>(() => harness.PostAsync());

        exception.Provider.ShouldBeNull();
        exception.ProviderCode.ShouldBe("E_CARD");
        exception.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        exception.Error.Message.ShouldBe("Card refused");
        exception.Message.ShouldBe("The provider declined the payment (HTTP 400, code 'E_CARD'): Card refused");
    }

    [Fact]
    public async Task ClassifierReturnsNullForFailureStatus_StatusFallbackApplies()
    {
        using var harness = CreateWithClassifier(new FixedClassifier(null));
        harness.Primary.Respond(HttpStatusCode.Forbidden, "{}");

        await Should.ThrowAsync<ProviderAuthorizationException>(() => harness.PostAsync());
    }

    [Fact]
    public async Task ClassifierThrows_StatusFallbackAppliesAndTheFailureIsLogged()
    {
        var logs = new FakeLoggerProvider();
        using var harness = CreateWithClassifier(new ThrowingClassifier(), services: s => s.AddLogging(b => b.AddProvider(logs)));
        harness.Primary.Respond(HttpStatusCode.NotFound, "{}");

        await Should.ThrowAsync<ProviderNotFoundException>(() => harness.PostAsync());

        var entry = logs.Collector.GetSnapshot().Where(e => e.Id.Name == "ClassifierFailed").ShouldHaveSingleItem();
        entry.Level.ShouldBe(LogLevel.Error);
        entry.Exception.ShouldBeOfType<FormatException>();
        entry.Message.ShouldContain("HTTP 404");
    }

    [Fact]
    public async Task SuccessInspection_FailureInside2xx_BecomesTypedException()
    {
        using var harness = CreateWithClassifier(new StatusFieldClassifier());
        harness.Primary.Respond(HttpStatusCode.OK, """{"status":"FAILED"}""");

        var exception = await Should.ThrowAsync<ProviderDeclinedException>(() => harness.PostAsync());

        exception.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task SuccessInspection_RealSuccess_BodyStillReadable()
    {
        using var harness = CreateWithClassifier(new StatusFieldClassifier());
        harness.Primary.Respond(HttpStatusCode.OK, """{"status":"COMPLETED"}""");

        using var response = await harness.PostAsync();

        (await response.Content.ReadAsStringAsync()).ShouldBe("""{"status":"COMPLETED"}""");
    }

    [Fact]
    public async Task SuccessInspection_BodyOverTheLimit_NotInspected()
    {
        using var harness = CreateWithClassifier(new StatusFieldClassifier(), o => o.MaxErrorBodyBytes = 1024);
        var large = "{\"status\":\"FAILED\",\"padding\":\"" + new string('p', 2000) + "\"}";
        harness.Primary.Respond(HttpStatusCode.OK, large);

        using var response = await harness.PostAsync();

        (await response.Content.ReadAsStringAsync()).ShouldBe(large);
    }

    [Fact]
    public async Task Failure_RetryAfterHeaderAttachedToError()
    {
        using var harness = PaymentClientHarness.Create(configure: o => o.Retry.MaxRetryAttempts = 0);
        harness.Primary.Respond(HttpStatusCode.TooManyRequests, configure: r => r.Headers.TryAddWithoutValidation("Retry-After", "3"));

        var exception = await Should.ThrowAsync<ProviderRateLimitedException>(() => harness.PostAsync());

        exception.RetryAfter.ShouldBe(TimeSpan.FromSeconds(3));
        exception.Error.RetryAfter.ShouldBe(TimeSpan.FromSeconds(3));
    }

    private static PaymentClientHarness CreateWithClassifier(
        PaymentErrorClassifier classifier,
        Action<PaymentProviderClientOptions>? configure = null,
        Action<IServiceCollection>? services = null) =>
        PaymentClientHarness.CreateCustom(classifier, configure, services);

    private sealed class RecordingClassifier : PaymentErrorClassifier
    {
        public (HttpStatusCode Status, string? Header, int BodyLength, bool Truncated) Seen { get; private set; }

        public override ProviderError? Classify(in ProviderResponse response)
        {
            var header = response.Headers.TryGetValues("X-Application-Error-Code", out var values) ? values.Single() : null;
            Seen = (response.StatusCode, header, response.Body.Length, response.IsBodyTruncated);
            return ClassifyByStatus(response);
        }
    }

    private sealed class FixedClassifier(ProviderError? error) : PaymentErrorClassifier
    {
        public override ProviderError? Classify(in ProviderResponse response) => error;
    }

    private sealed class ThrowingClassifier : PaymentErrorClassifier
    {
        public override ProviderError? Classify(in ProviderResponse response) => throw new FormatException("bad body");
    }

    private sealed class StatusFieldClassifier : PaymentErrorClassifier
    {
        public override bool InspectsSuccessResponses => true;

        public override ProviderError? Classify(in ProviderResponse response) =>
            response.Body.IndexOf("\"FAILED\""u8) >= 0 ? new ProviderError(PaymentErrorCategory.Declined, "Payment failed")
            : response.IsSuccessStatusCode ? null
            : ClassifyByStatus(response);
    }
}
