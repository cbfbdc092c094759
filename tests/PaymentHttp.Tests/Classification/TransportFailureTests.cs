using Polly.Timeout;

namespace PaymentHttp.Tests.Classification;

public sealed class TransportFailureTests
{
    [Theory]
    [InlineData(HttpRequestError.NameResolutionError, PaymentRetrySafety.Always)]
    [InlineData(HttpRequestError.ConnectionError, PaymentRetrySafety.Always)]
    [InlineData(HttpRequestError.SecureConnectionError, PaymentRetrySafety.Always)]
    [InlineData(HttpRequestError.ProxyTunnelError, PaymentRetrySafety.Always)]
    [InlineData(HttpRequestError.ResponseEnded, PaymentRetrySafety.SafeOnly)]
    [InlineData(HttpRequestError.InvalidResponse, PaymentRetrySafety.SafeOnly)]
    [InlineData(HttpRequestError.HttpProtocolError, PaymentRetrySafety.SafeOnly)]
    [InlineData(HttpRequestError.ConfigurationLimitExceeded, PaymentRetrySafety.SafeOnly)]
    [InlineData(HttpRequestError.Unknown, PaymentRetrySafety.SafeOnly)]
    [InlineData(HttpRequestError.VersionNegotiationError, PaymentRetrySafety.Never)]
    [InlineData(HttpRequestError.UserAuthenticationError, PaymentRetrySafety.Never)]
    public void Classify_HttpRequestError_SentOrNotSent(HttpRequestError error, PaymentRetrySafety expected)
    {
        var classified = TransportFailure.Classify(new HttpRequestException(error, "x"));

        classified.ShouldNotBeNull().RetrySafety.ShouldBe(expected);
        classified.StatusCode.ShouldBeNull();
    }

    [Fact]
    public void Classify_Timeouts_AreSafeOnlyAndSayHowLong()
    {
        var polly = TransportFailure.Classify(new TimeoutRejectedException("t", TimeSpan.FromSeconds(2.5)));
        var handler = TransportFailure.Classify(new TaskCanceledException("t", new TimeoutException()));

        polly!.RetrySafety.ShouldBe(PaymentRetrySafety.SafeOnly);
        polly.Message.ShouldBe("The provider did not answer within 2.5 s.");
        handler!.RetrySafety.ShouldBe(PaymentRetrySafety.SafeOnly);
    }

    [Fact]
    public void Classify_IOException_IsSafeOnly_ProgrammingErrorsAreNotTransportFailures()
    {
        TransportFailure.Classify(new IOException("reset"))!.RetrySafety.ShouldBe(PaymentRetrySafety.SafeOnly);
        TransportFailure.Classify(new InvalidOperationException()).ShouldBeNull();
        TransportFailure.Classify(new ArgumentException()).ShouldBeNull();
    }
}
