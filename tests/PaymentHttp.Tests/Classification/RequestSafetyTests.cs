using System.Net;
using PaymentHttp.Tests.TestUtilities;

namespace PaymentHttp.Tests.Classification;

/// <summary>
/// Which requests may be sent again after a failure the provider may have acted on. An idempotency-key header
/// makes a request safe only when it holds a key: an empty or blank header cannot let the provider match a repeat.
/// </summary>
public sealed class RequestSafetyTests
{
    private const string Header = "Idempotency-Key";

    [Theory]
    [InlineData("order-42")]
    [InlineData(" order-42 ")]
    [InlineData("a")]
    public void Post_KeyWithAValue_Safe(string key)
    {
        using var request = Post(key);

        RequestSafety.IsSafeToRepeat(request, Header).ShouldBeTrue();
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("\t")]
    [InlineData("   \t  ")]
    [InlineData(",")]
    [InlineData(" , ,")]
    public void Post_BlankKey_NotSafe(string key)
    {
        using var request = Post(key);

        RequestSafety.IsSafeToRepeat(request, Header).ShouldBeFalse();
    }

    [Fact]
    public void Post_SeveralBlankValues_NotSafe()
    {
        using var request = Post("");
        request.Headers.TryAddWithoutValidation(Header, " ");
        request.Headers.TryAddWithoutValidation(Header, "\t");

        RequestSafety.IsSafeToRepeat(request, Header).ShouldBeFalse();
    }

    [Fact]
    public void Post_OneRealValueAmongBlankOnes_Safe()
    {
        using var request = Post("");
        request.Headers.TryAddWithoutValidation(Header, "order-42");

        RequestSafety.IsSafeToRepeat(request, Header).ShouldBeTrue();
    }

    [Fact]
    public void Post_KeyInAnotherHeaderThanTheConfiguredOne_NotSafe()
    {
        using var request = Post("order-42");

        RequestSafety.IsSafeToRepeat(request, "X-Request-Key").ShouldBeFalse();
        RequestSafety.IsSafeToRepeat(request, idempotencyKeyHeader: null).ShouldBeFalse();
    }

    /// <summary>Through the pipeline: a PlexyPay POST with a blank default key answered 503 is sent once and ends unknown.</summary>
    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task PlexyPayPost_BlankDefaultKey_503_OneAttemptOutcomeUnknown(string key)
    {
        using var harness = PaymentClientHarness.Create(PaymentProvider.PlexyPay);
        harness.Primary.Always(HttpStatusCode.ServiceUnavailable);
        using var request = PostWithContent(key);

        var exception = await Should.ThrowAsync<ProviderOutcomeUnknownException>(() => harness.Client.SendAsync(request));

        exception.Attempts.ShouldBe(1);
        harness.Primary.Attempts.ShouldBe(1);
    }

    [Fact]
    public async Task Post_BlankConfiguredKey_500_OneAttemptOutcomeUnknown()
    {
        using var harness = PaymentClientHarness.Create(PaymentProvider.Plutu, o => o.IdempotencyKeyHeader = "X-Request-Key");
        harness.Primary.Always(HttpStatusCode.InternalServerError);
        using var request = PostWithContent(key: null);
        request.Headers.TryAddWithoutValidation("X-Request-Key", " ");

        var exception = await Should.ThrowAsync<ProviderOutcomeUnknownException>(() => harness.Client.SendAsync(request));

        exception.Attempts.ShouldBe(1);
        harness.Primary.Attempts.ShouldBe(1);
    }

    /// <summary>The control: the same call with a real key is retried, so the tests above fail if blank keys count.</summary>
    [Fact]
    public async Task PlexyPayPost_RealKey_503_Retried()
    {
        using var harness = PaymentClientHarness.Create(PaymentProvider.PlexyPay);
        harness.Primary.Always(HttpStatusCode.ServiceUnavailable);
        using var request = PostWithContent("order-42");

        var exception = await Should.ThrowAsync<ProviderUnavailableException>(() => harness.Client.SendAsync(request));

        harness.Primary.Attempts.ShouldBe(4);
        exception.Attempts.ShouldBe(4);
    }

    /// <summary>A bodiless POST with a blank key is not safe, so it gets empty content (no silent re-send by SocketsHttpHandler).</summary>
    [Fact]
    public async Task PlexyPayBodilessPost_BlankKey_SentWithEmptyContent()
    {
        using var harness = PaymentClientHarness.Create(PaymentProvider.PlexyPay);
        harness.Primary.Respond(HttpStatusCode.OK, "{}");
        using var request = new HttpRequestMessage(HttpMethod.Post, "payments/1/capture");
        request.Headers.TryAddWithoutValidation(Header, " ");

        using var response = await harness.Client.SendAsync(request);

        harness.Primary.ContentTypes.ShouldHaveSingleItem();
        request.Content.ShouldNotBeNull();
    }

    private static HttpRequestMessage Post(string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "http://provider.test/payments");
        request.Headers.TryAddWithoutValidation(Header, key);
        return request;
    }

    private static HttpRequestMessage PostWithContent(string? key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "payments") { Content = new StringContent("""{"amount":100}""") };
        if (key is not null)
        {
            request.Headers.TryAddWithoutValidation(Header, key);
        }

        return request;
    }
}
