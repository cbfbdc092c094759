using System.Net.Http.Json;
using PaymentHttp.IntegrationTests.BadInput;

namespace PaymentHttp.IntegrationTests.Encodings;

/// <summary>Scripts one encoded, framed answer on a <see cref="RawHttpServer"/> and sends a payment POST for it.</summary>
public static class EncodedExchanges
{
    public static RawExchange Add(
        RawHttpServer server, int status, string contentType, byte[] plainOrEncodedBody, string encoding, BodyFraming framing, bool alreadyEncoded = false)
    {
        var builder = new RawResponseBuilder(status)
        {
            Body = alreadyEncoded ? plainOrEncodedBody : WireEncoding.Encode(plainOrEncodedBody, encoding),
            Framing = framing,
        };
        builder.Header("Content-Type", contentType);
        if (encoding != "identity")
        {
            builder.Header("Content-Encoding", encoding);
        }

        return server.Add(encoding + "/" + framing, builder.Build());
    }

    public static Task<HttpResponseMessage> PayAsync(HttpClient client, RawExchange exchange, HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, RawHttpServer.PathOf(exchange))
        {
            Content = JsonContent.Create(new { merchantRefNum = "order-" + exchange.Id, amount = 1250 }),
        };
        return client.SendAsync(request, completion);
    }
}
