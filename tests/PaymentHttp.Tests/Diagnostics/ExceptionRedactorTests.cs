using System.Net;

namespace PaymentHttp.Tests.Diagnostics;

public sealed class ExceptionRedactorTests
{
    private const string HeaderLine = "X-Debug: card 4111111111111111 Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.e30.c2ln";

    [Fact]
    public void HttpRequestException_QuotingWireData_KeepsTypeErrorAndStatusWithARedactedMessage()
    {
        var original = Thrown(new HttpRequestException(HttpRequestError.InvalidResponse, $"Received an invalid header line: '{HeaderLine}'.", null, HttpStatusCode.BadGateway));

        var redacted = ExceptionRedactor.Redact(original, ClientSecrets.Default.For(null));

        var standIn = redacted.ShouldBeOfType<HttpRequestException>();
        standIn.ShouldNotBeSameAs(original);
        standIn.HttpRequestError.ShouldBe(HttpRequestError.InvalidResponse);
        standIn.StatusCode.ShouldBe(HttpStatusCode.BadGateway);
        standIn.HResult.ShouldBe(original.HResult);
        standIn.Message.ShouldStartWith("Received an invalid header line: ");
        standIn.ToString().ShouldNotContain("4111111111111111");
        standIn.ToString().ShouldNotContain("eyJhbGciOiJIUzI1NiJ9");
        standIn.ToString().ShouldContain(nameof(Thrown)); // the original stack trace is kept
    }

    [Fact]
    public void WireDataDeepInTheChain_IsRedactedAtEveryLevel()
    {
        var original = new HttpRequestException(
            HttpRequestError.ResponseEnded,
            "The response ended prematurely.",
            new HttpIOException(HttpRequestError.InvalidResponse, "bad line " + HeaderLine, new InvalidDataException("payload " + HeaderLine)));

        var redacted = ExceptionRedactor.Redact(original, ClientSecrets.Default.For(null));

        redacted.Message.ShouldBe(original.Message);
        redacted.InnerException.ShouldBeOfType<HttpIOException>().HttpRequestError.ShouldBe(HttpRequestError.InvalidResponse);
        var deepest = redacted.InnerException!.InnerException.ShouldBeOfType<RedactedException>();
        deepest.OriginalTypeName.ShouldBe(typeof(InvalidDataException).FullName);
        deepest.Message.ShouldStartWith("System.IO.InvalidDataException: payload");
        redacted.ToString().ShouldNotContain("4111111111111111");
        redacted.ToString().ShouldNotContain("eyJhbGciOiJIUzI1NiJ9");
    }

    [Fact]
    public void RequestCredentialQuoted_IsRedactedByValue()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "http://provider.test/");
        request.Headers.TryAddWithoutValidation("X-API-KEY", "plainkeyvalue");
        var original = new IOException("peer said plainkeyvalue");

        var redacted = ExceptionRedactor.Redact(original, ClientSecrets.Default.For(request));

        redacted.ShouldBeOfType<IOException>().Message.ShouldBe("peer said [REDACTED]");
    }

    [Fact]
    public void CleanChain_IsReturnedAsItIs()
    {
        var original = new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused (127.0.0.1:1)", new IOException("reset"));

        ExceptionRedactor.Redact(original, ClientSecrets.Default.For(null)).ShouldBeSameAs(original);
    }

    private static Exception Thrown(Exception exception)
    {
        try
        {
            throw exception;
        }
        catch (Exception caught)
        {
            return caught;
        }
    }
}
