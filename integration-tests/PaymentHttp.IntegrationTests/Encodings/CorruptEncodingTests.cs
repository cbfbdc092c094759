using System.Net;
using PaymentHttp.IntegrationTests.BadInput;

namespace PaymentHttp.IntegrationTests.Encodings;

/// <summary>
/// A body that is not valid for its Content-Encoding (corrupt gzip, deflate or brotli) ends in the typed exception by
/// the rule for a truncated body, for every provider, with AutomaticDecompression on or off: an error status
/// classifies by its status and what was read; a 2xx the provider answered cannot be read, so a payment POST is
/// OutcomeUnknown. Nothing raw (InvalidDataException, InvalidOperationException, HttpRequestException) escapes.
/// </summary>
public sealed class CorruptEncodingTests : IAsyncLifetime
{
    private RawHttpServer _server = null!;
    private EncodingClients _clients = null!;

    public static TheoryData<string, string, bool, BodyFraming> Cases()
    {
        var data = new TheoryData<string, string, bool, BodyFraming>();
        foreach (var client in Enum.GetNames<PaymentProvider>().Append(EncodingClients.Pts))
        {
            foreach (var encoding in WireEncoding.Compressed)
            {
                foreach (var decompress in new[] { true, false })
                {
                    data.Add(client, encoding, decompress, encoding == "br" ? BodyFraming.Chunked : BodyFraming.ContentLength);
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
    [MemberData(nameof(Cases))]
    public async Task Corrupt402_IsADecline(string client, string encoding, bool decompress, BodyFraming framing)
    {
        var exchange = EncodedExchanges.Add(_server, 402, "application/json", WireEncoding.Corrupt(encoding), encoding, framing, alreadyEncoded: true);

        var declined = await Should.ThrowAsync<ProviderDeclinedException>(() => EncodedExchanges.PayAsync(_clients.Client(client, decompress), exchange));

        declined.StatusCode.ShouldBe(HttpStatusCode.PaymentRequired);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Corrupt500_IsOutcomeUnknownForAPayment(string client, string encoding, bool decompress, BodyFraming framing)
    {
        var exchange = EncodedExchanges.Add(_server, 500, "application/json", WireEncoding.Corrupt(encoding), encoding, framing, alreadyEncoded: true);

        var unknown = await Should.ThrowAsync<ProviderOutcomeUnknownException>(() => EncodedExchanges.PayAsync(_clients.Client(client, decompress), exchange));

        unknown.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        exchange.Served.ShouldBe(1);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Corrupt2xx_IsOutcomeUnknown_WhereverItIsDecoded(string client, string encoding, bool decompress, BodyFraming framing)
    {
        var exchange = EncodedExchanges.Add(_server, 200, "application/json", WireEncoding.Corrupt(encoding), encoding, framing, alreadyEncoded: true);
        var inspects = client is nameof(PaymentProvider.Paysafe) or nameof(PaymentProvider.PagarStar) or EncodingClients.Pts;
        if (!decompress && !inspects)
        {
            // Nobody decodes: the caller asked for the encoded bytes and gets them, exactly as sent.
            using var response = await EncodedExchanges.PayAsync(_clients.Client(client, decompress), exchange);
            (await response.Content.ReadAsByteArrayAsync()).ShouldBe(WireEncoding.Corrupt(encoding));
            return;
        }

        var unknown = await Should.ThrowAsync<ProviderOutcomeUnknownException>(() => EncodedExchanges.PayAsync(_clients.Client(client, decompress), exchange));

        unknown.StatusCode.ShouldBe(HttpStatusCode.OK);
        unknown.Attempts.ShouldBe(1);
        unknown.InnerException.ShouldNotBeNull();
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Corrupt2xx_Streamed_TypedWhenTheCallerReads(string client, string encoding, bool decompress, BodyFraming framing)
    {
        if (!decompress)
        {
            return; // covered above: nothing below the caller decodes
        }

        var exchange = EncodedExchanges.Add(_server, 200, "application/json", WireEncoding.Corrupt(encoding), encoding, framing, alreadyEncoded: true);

        var unknown = await Should.ThrowAsync<ProviderOutcomeUnknownException>(async () =>
        {
            using var response = await EncodedExchanges.PayAsync(_clients.Client(client, decompress), exchange, HttpCompletionOption.ResponseHeadersRead);
            using var stream = await response.Content.ReadAsStreamAsync();
            await stream.CopyToAsync(Stream.Null);
        });

        unknown.StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
