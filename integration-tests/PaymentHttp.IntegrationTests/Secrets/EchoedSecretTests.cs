using System.Text;
using System.Text.Json;
using PaymentHttp.IntegrationTests.BadInput;

namespace PaymentHttp.IntegrationTests.Secrets;

/// <summary>
/// Over a real socket, each provider's error answer echoes a secret — the request's own credentials, card data, keys
/// — in every field it has (message, code, details, field names and messages, decline code, request id, the Paysafe
/// code header), and a malformed header line quotes them into .NET's own exception. None of it may reach any sink.
/// </summary>
public sealed class EchoedSecretTests
{
    private static readonly string[] Markers = [SecretRedactorMarkers.Redacted, SecretRedactorMarkers.Card, SecretRedactorMarkers.SecurityCode];

    public static TheoryData<string, PaymentProvider> Cases()
    {
        var cases = new TheoryData<string, PaymentProvider>();
        foreach (var form in SecretCorpus.Forms)
        {
            foreach (var provider in ProvidersFor(form.Credentials))
            {
                cases.Add(form.Name, provider);
            }
        }

        return cases;
    }

    [Fact]
    public void Corpus_HasAtLeastFortyForms()
    {
        SecretCorpus.Forms.Count.ShouldBeGreaterThanOrEqualTo(40);
        SecretCorpus.Forms.Select(f => f.Name).ShouldBeUnique();
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task EchoedInTheErrorAnswer_ReachesNoSink(string formName, PaymentProvider provider)
    {
        var form = SecretCorpus.Forms.Single(f => f.Name == formName);
        await using var server = RawHttpServer.Start();
        var exchange = server.Add(formName, ErrorAnswer(provider, form.Echo));
        using var client = new SecretClient(provider, server.BaseAddress);

        var exception = await Should.ThrowAsync<PaymentProviderException>(() => client.SendAsync(RawHttpServer.PathOf(exchange)));

        // The echo was classified and redacted (not dropped): the provider's own message carries a redaction mark.
        exception.Error.Message.ShouldSatisfyAllConditions(m => Markers.Any(m.Contains).ShouldBeTrue($"not redacted, or not read: {m}"));
        SecretAssert.ReachesNoSink(form, exception, client.Sinks);
        client.Sinks.Logs.ShouldNotBeEmpty();
        client.Sinks.Activities.ShouldNotBeEmpty();
        client.Sinks.Measurements.ShouldNotBeEmpty();
    }

    [Theory]
    [InlineData("line without a colon", "X-Echo card 4111 1111 1111 1111 with Bearer {token}")]
    [InlineData("invalid header name", "X Echo {token} 4111111111111111: x")]
    public async Task MalformedHeaderLineQuotingCredentials_ReachesNoSink(string because, string line)
    {
        var form = new EchoedSecret(because, CredentialSet.PlutuBearer, line, [SecretCorpus.PlutuToken, "eyJtZXJjaGFudCI6Ijc3In0"], SecretCorpus.Visa);
        await using var server = RawHttpServer.Start();
        var response = new RawResponseBuilder(402) { Body = "{}"u8.ToArray() };
        response.StatusLine += "\r\n" + line.Replace("{token}", SecretCorpus.PlutuToken, StringComparison.Ordinal);
        var exchange = server.Add(because, response.Build());
        using var client = new SecretClient(PaymentProvider.Plutu, server.BaseAddress);

        var exception = await Should.ThrowAsync<PaymentProviderException>(() => client.SendAsync(RawHttpServer.PathOf(exchange)));

        var inner = exception.InnerException.ShouldBeOfType<HttpRequestException>(because);
        inner.HttpRequestError.ShouldBe(HttpRequestError.InvalidResponse);
        inner.Message.ShouldContain("[REDACTED]"); // .NET quoted the line; the stand-in keeps it, redacted
        SecretAssert.ReachesNoSink(form, exception, client.Sinks);
    }

    private static IEnumerable<PaymentProvider> ProvidersFor(CredentialSet credentials) => credentials switch
    {
        CredentialSet.PlutuBearer => [PaymentProvider.Plutu],
        CredentialSet.PlexyPayRawKey => [PaymentProvider.PlexyPay],
        CredentialSet.PaysafeBasic => [PaymentProvider.Paysafe],
        CredentialSet.PagarStarPts => [PaymentProvider.PagarStar],
        _ => [PaymentProvider.Plutu, PaymentProvider.PlexyPay, PaymentProvider.Paysafe, PaymentProvider.PagarStar],
    };

    /// <summary>The provider's error envelope with the echo in every text field it has.</summary>
    private static RawResponse ErrorAnswer(PaymentProvider provider, string echo)
    {
        var e = JsonSerializer.Serialize(echo);
        var (status, body) = provider switch
        {
            PaymentProvider.Plutu => (503, $$"""{"error":{"status":503,"code":{{e}},"message":{{e}},"fields":{ {{e}}:[{{e}}] } } }"""),
            PaymentProvider.PlexyPay => (402, $$"""{"error":{"type":"card_error","code":{{e}},"decline_code":{{e}},"message":{{e}},"param":{{e}},"request_id":{{e}} } }"""),
            PaymentProvider.Paysafe => (503, $$"""{"error":{"code":{{e}},"message":{{e}},"details":[{{e}}],"fieldErrors":[{"field":{{e}},"error":{{e}} }] } }"""),
            _ => (200, $$"""{"code":1004,"message":{{e}},"data":{} }"""),
        };
        var builder = new RawResponseBuilder(status) { Body = Encoding.UTF8.GetBytes(body) }.Header("Content-Type", "application/json");
        if (provider == PaymentProvider.Paysafe)
        {
            builder.Header("X-Application-Error-Code", echo); // Paysafe reads its code from this header first
        }

        return builder.Build();
    }
}
