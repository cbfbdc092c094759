using System.Text;
using PaymentHttp.IntegrationTests.BadInput;

namespace PaymentHttp.IntegrationTests.Encodings;

/// <summary>
/// The providers that report failures inside 2xx answers — Paysafe (<c>"status":"FAILED"</c>/<c>"DECLINED"</c>),
/// PagarStar (a code other than 1000) and PTS with encrypted answers — decide from the same decoded bytes whatever the
/// framing (Content-Length, chunked, until close), the Content-Encoding (identity, gzip, deflate, br) and whether the
/// primary handler decompresses. Over real sockets: the raw server writes exactly these bytes.
/// </summary>
public sealed class InspectedSuccessBodyTests : IAsyncLifetime
{
    private static readonly BodyFraming[] Framings = [BodyFraming.ContentLength, BodyFraming.Chunked, BodyFraming.UntilClose];

    private RawHttpServer _server = null!;
    private EncodingClients _clients = null!;

    /// <summary>Provider case: client, content type, a decline body and an accepted body.</summary>
    private static readonly Dictionary<string, (string Client, string ContentType, byte[] Decline, byte[] Accepted, string AcceptedJson)> Providers = new()
    {
        ["paysafe-failed"] = ("Paysafe", "application/json", Utf8("""{"id":"p-1","merchantRefNum":"o-1","status":"FAILED","amount":1250}"""), Utf8(PaysafeOk), PaysafeOk),
        ["paysafe-declined"] = ("Paysafe", "application/json", Utf8("""{"id":"p-2","status":"declined","amount":1250}"""), Utf8(PaysafeOk), PaysafeOk),
        ["pagarstar-code"] = ("PagarStar", "application/json", Utf8("""{"code":1004,"message":"payment exceeds quota limit","data":null}"""), Utf8(PtsOk), PtsOk),
        ["pts-encrypted"] = (EncodingClients.Pts, "text/plain", WireEncoding.PtsEncrypt("""{"code":1007,"message":"not enough balance"}"""), WireEncoding.PtsEncrypt(PtsOk), PtsOk),
    };

    private const string PaysafeOk = """{"id":"p-3","merchantRefNum":"o-3","status":"COMPLETED","amount":1250}""";
    private const string PtsOk = """{"code":1000,"message":"success","data":{"orderId":"o-4"}}""";

    public static TheoryData<string, BodyFraming, string, bool> Matrix()
    {
        var data = new TheoryData<string, BodyFraming, string, bool>();
        foreach (var provider in Providers.Keys)
        {
            foreach (var framing in Framings)
            {
                foreach (var encoding in WireEncoding.All)
                {
                    data.Add(provider, framing, encoding, true);
                    data.Add(provider, framing, encoding, false);
                }
            }
        }

        return data;
    }

    public Task InitializeAsync()
    {
        _server = RawHttpServer.Start();
        _clients = new EncodingClients(_server.BaseAddress);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _clients.Dispose();
        await _server.DisposeAsync();
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task DeclineInside2xx_IsADecline_WhateverTheFramingAndEncoding(string provider, BodyFraming framing, string encoding, bool decompress)
    {
        var (client, contentType, decline, _, _) = Providers[provider];
        var exchange = EncodedExchanges.Add(_server, 200, contentType, decline, encoding, framing);

        var declined = await Should.ThrowAsync<ProviderDeclinedException>(() => EncodedExchanges.PayAsync(_clients.Client(client, decompress), exchange));

        declined.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        declined.Attempts.ShouldBe(1);
        exchange.Served.ShouldBe(1);
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Accepted2xx_PassesWithItsBodyWhole_AsTheCallerAskedForIt(string provider, BodyFraming framing, string encoding, bool decompress)
    {
        var (client, contentType, _, accepted, acceptedJson) = Providers[provider];
        var exchange = EncodedExchanges.Add(_server, 200, contentType, accepted, encoding, framing);

        using var response = await EncodedExchanges.PayAsync(_clients.Client(client, decompress), exchange);
        var body = await response.Content.ReadAsByteArrayAsync();

        if (decompress || encoding == "identity" || client == EncodingClients.Pts)
        {
            // Decoded by the handler, or PTS's decrypted JSON: what the provider meant.
            Encoding.UTF8.GetString(body).ShouldBe(client == EncodingClients.Pts ? acceptedJson : Encoding.UTF8.GetString(accepted));
        }
        else
        {
            // AutomaticDecompression off: the caller gets the encoded bytes it asked for; only classification decoded them.
            body.ShouldBe(WireEncoding.Encode(accepted, encoding));
            response.Content.Headers.ContentEncoding.ShouldBe([encoding]);
        }
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Accepted2xx_Streamed_ReadsWhole(string provider, BodyFraming framing, string encoding, bool decompress)
    {
        var (client, contentType, _, accepted, acceptedJson) = Providers[provider];
        var exchange = EncodedExchanges.Add(_server, 200, contentType, accepted, encoding, framing);

        using var response = await EncodedExchanges.PayAsync(_clients.Client(client, decompress), exchange, HttpCompletionOption.ResponseHeadersRead);
        using var stream = await response.Content.ReadAsStreamAsync();
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);

        var expected = client == EncodingClients.Pts ? Utf8(acceptedJson) : decompress ? accepted : WireEncoding.Encode(accepted, encoding);
        copy.ToArray().ShouldBe(expected);
    }

    [Theory]
    [InlineData(HttpCompletionOption.ResponseContentRead)]
    [InlineData(HttpCompletionOption.ResponseHeadersRead)]
    public async Task PtsAnswerNotEncryptedAfterAll_ReachesTheCallerWhole(HttpCompletionOption completion)
    {
        // text/plain that is not ciphertext: the encryption handler hands it on as it came, and inspection above
        // reads it again; the caller must still get every byte, as a stream too.
        var exchange = EncodedExchanges.Add(_server, 200, "text/plain", Utf8(PtsOk), "gzip", BodyFraming.Chunked);

        using var response = await EncodedExchanges.PayAsync(_clients.Client(EncodingClients.Pts, decompress: true), exchange, completion);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());

        (await reader.ReadToEndAsync()).ShouldBe(PtsOk);
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
