using System.Net;
using System.Text;
using PaymentHttp.IntegrationTests.BadInput;
using PaymentHttp.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace PaymentHttp.IntegrationTests.Encodings;

/// <summary>
/// What PaymentHttp buffers of a 2xx: what inspection needs (at most MaxErrorBodyBytes decoded), and no more — the
/// rest is streamed to the caller, so the caller's own HttpClient decides (MaxResponseContentBufferSize, or nothing
/// when it streams with ResponseHeadersRead). A decompression bomb costs no more than with a bare HttpClient, a long
/// legitimate listing is read whole, and a body that breaks off after inspection still ends typed.
/// </summary>
[Collection(LoadTestCollection.Name)]
public sealed class LargeBodyTests : IAsyncLifetime
{
    private const long OneMegabyte = 1024 * 1024;

    /// <summary>199 KB of gzip that inflates to 200 MB.</summary>
    private static readonly Lazy<byte[]> Bomb = new(() => WireEncoding.Encode(new byte[200 * OneMegabyte], "gzip", System.IO.Compression.CompressionLevel.SmallestSize));

    private static readonly byte[] Listing = BuildListing(5 * OneMegabyte);

    private readonly ITestOutputHelper _output;
    private RawHttpServer _server = null!;
    private EncodingClients _clients = null!;
    private EncodingClients _limited = null!;

    public LargeBodyTests(ITestOutputHelper output)
    {
        _output = output;
    }

    public static TheoryData<string> InspectingAndNot() => new() { nameof(PaymentProvider.Paysafe), nameof(PaymentProvider.MakeCommerce), EncodingClients.Pts };

    public static TheoryData<string, string, HttpCompletionOption> ListingCases()
    {
        var data = new TheoryData<string, string, HttpCompletionOption>();
        foreach (var client in new[] { nameof(PaymentProvider.Paysafe), nameof(PaymentProvider.PagarStar), nameof(PaymentProvider.MakeCommerce) })
        {
            foreach (var encoding in new[] { "identity", "gzip", "br" })
            {
                data.Add(client, encoding, HttpCompletionOption.ResponseContentRead);
                data.Add(client, encoding, HttpCompletionOption.ResponseHeadersRead);
            }
        }

        return data;
    }

    public Task InitializeAsync()
    {
        _server = RawHttpServer.Start();
        _clients = new EncodingClients(_server.BaseAddress);
        _limited = new EncodingClients(_server.BaseAddress, maxResponseContentBufferSize: OneMegabyte);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _clients.Dispose();
        _limited.Dispose();
        await _server.DisposeAsync();
    }

    [Theory]
    [MemberData(nameof(InspectingAndNot))]
    public async Task DecompressionBomb_RefusedByTheCallersLimit_AtTheCostOfABareHttpClient(string client)
    {
        var bomb = Bomb.Value;
        bomb.Length.ShouldBeLessThan(256 * 1024);

        using var bare = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.All }) { MaxResponseContentBufferSize = OneMegabyte };
        var bareExchange = EncodedExchanges.Add(_server, 200, "application/json", bomb, "gzip", BodyFraming.ContentLength, alreadyEncoded: true);
        var bareCost = await AllocatedAsync(() => Should.ThrowAsync<HttpRequestException>(() => bare.PostAsync(new Uri(_server.BaseAddress, RawHttpServer.PathOf(bareExchange)), new StringContent("{}"))));

        var exchange = EncodedExchanges.Add(_server, 200, "application/json", bomb, "gzip", BodyFraming.ContentLength, alreadyEncoded: true);
        HttpRequestException? refused = null;
        var cost = await AllocatedAsync(async () => refused = await Should.ThrowAsync<HttpRequestException>(() => EncodedExchanges.PayAsync(_limited.Client(client, decompress: true), exchange)));

        _output.WriteLine($"{client}: bomb of {bomb.Length / 1024} KB; PaymentHttp allocated {cost / OneMegabyte} MB, a bare HttpClient {bareCost / OneMegabyte} MB");

        // Exactly the refusal a bare HttpClient gives (the caller's own limit), and nowhere near the 200 MB.
        refused!.HttpRequestError.ShouldBe(HttpRequestError.ConfigurationLimitExceeded);
        cost.ShouldBeLessThan(bareCost + (48 * OneMegabyte), $"PaymentHttp allocated {cost / OneMegabyte} MB, a bare HttpClient {bareCost / OneMegabyte} MB");
    }

    [Theory]
    [MemberData(nameof(InspectingAndNot))]
    public async Task DecompressionBomb_WithoutAutomaticDecompression_InspectionInflatesOnlyTheLimit(string client)
    {
        var exchange = EncodedExchanges.Add(_server, 200, "application/json", Bomb.Value, "gzip", BodyFraming.Chunked, alreadyEncoded: true);
        byte[]? body = null;

        var cost = await AllocatedAsync(async () =>
        {
            using var response = await EncodedExchanges.PayAsync(_clients.Client(client, decompress: false), exchange);
            body = await response.Content.ReadAsByteArrayAsync();
        });

        _output.WriteLine($"{client}: AutomaticDecompression off, allocated {cost / OneMegabyte} MB");
        body.ShouldBe(Bomb.Value); // the caller asked for the encoded bytes
        cost.ShouldBeLessThan(48 * OneMegabyte);
    }

    [Theory]
    [MemberData(nameof(ListingCases))]
    public async Task MultiMegabyteListing_IsReadWhole_WithEitherCompletionOption(string client, string encoding, HttpCompletionOption completion)
    {
        var exchange = EncodedExchanges.Add(_server, 200, "application/json", Listing, encoding, BodyFraming.Chunked);

        using var response = await EncodedExchanges.PayAsync(_clients.Client(client, decompress: true), exchange, completion);
        using var copy = new MemoryStream();
        await (await response.Content.ReadAsStreamAsync()).CopyToAsync(copy);

        copy.Length.ShouldBe(Listing.Length);
        copy.ToArray().AsSpan().SequenceEqual(Listing).ShouldBeTrue();
    }

    [Theory]
    [MemberData(nameof(InspectingAndNot))]
    public async Task CallersMaxResponseContentBufferSize_IsHonoured_AsByABareHttpClient(string client)
    {
        var refusedExchange = EncodedExchanges.Add(_server, 200, "application/json", Listing, "identity", BodyFraming.Chunked);
        var refused = await Should.ThrowAsync<HttpRequestException>(() => EncodedExchanges.PayAsync(_limited.Client(client, decompress: true), refusedExchange));
        refused.HttpRequestError.ShouldBe(HttpRequestError.ConfigurationLimitExceeded);

        // Streaming is the caller's way past its limit, and it still works whole.
        var streamedExchange = EncodedExchanges.Add(_server, 200, "application/json", Listing, "identity", BodyFraming.Chunked);
        using var response = await EncodedExchanges.PayAsync(_limited.Client(client, decompress: true), streamedExchange, HttpCompletionOption.ResponseHeadersRead);
        using var copy = new MemoryStream();
        await (await response.Content.ReadAsStreamAsync()).CopyToAsync(copy);
        copy.Length.ShouldBe(Listing.Length);
    }

    [Theory]
    [MemberData(nameof(InspectingAndNot))]
    public async Task StreamingCaller_NothingIsReadBeyondInspection_UntilItReads(string client)
    {
        var clients = new EncodingClients(_server.BaseAddress);
        try
        {
            var exchange = EncodedExchanges.Add(_server, 200, "application/json", Listing, "identity", BodyFraming.ContentLength);

            using var response = await EncodedExchanges.PayAsync(clients.Client(client, decompress: true), exchange, HttpCompletionOption.ResponseHeadersRead);

            // Inspection (64 KiB) plus one read buffer of the connection, not the 5 MB.
            clients.SocketBytesRead.ShouldBeLessThan(PaymentProviderClientOptions.DefaultMaxErrorBodyBytes + (256 * 1024));
        }
        finally
        {
            clients.Dispose();
        }
    }

    [Theory]
    [MemberData(nameof(InspectingAndNot))]
    public async Task BodyBreaksOffAfterInspection_OutcomeUnknown_WithEitherCompletionOption(string client)
    {
        var body = Listing[..(300 * 1024)];
        var buffered = EncodedExchanges.Add(_server, 200, "application/json", body, "identity", BodyFraming.ContentLengthLongerThanBody);
        var unknown = await Should.ThrowAsync<ProviderOutcomeUnknownException>(() => EncodedExchanges.PayAsync(_clients.Client(client, decompress: true), buffered));
        unknown.StatusCode.ShouldBe(HttpStatusCode.OK);
        unknown.Attempts.ShouldBe(1);

        var streamed = EncodedExchanges.Add(_server, 200, "application/json", body, "identity", BodyFraming.ContentLengthLongerThanBody);
        using var response = await EncodedExchanges.PayAsync(_clients.Client(client, decompress: true), streamed, HttpCompletionOption.ResponseHeadersRead);
        await Should.ThrowAsync<ProviderOutcomeUnknownException>(() => response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SafeRequestWhoseSuccessBodyBreaksOffWithinInspection_IsRetried()
    {
        using var retrying = new EncodingClients(_server.BaseAddress, retries: 1);
        var broken = EncodedExchanges.Add(_server, 200, "application/json", Encoding.UTF8.GetBytes("""{"id":"p-1","status":"COMPL"""), "identity", BodyFraming.ContentLengthLongerThanBody);
        var client = retrying.Client(nameof(PaymentProvider.Paysafe), decompress: true);

        // The same GET twice: the raw server serves each scripted answer by its path, so the retry meets the same break.
        var unavailable = await Should.ThrowAsync<ProviderUnavailableException>(() => client.GetAsync(RawHttpServer.PathOf(broken)));

        unavailable.Attempts.ShouldBe(2);
        broken.Served.ShouldBe(2);
    }

    private static async Task<long> AllocatedAsync(Func<Task> action)
    {
        var before = GC.GetTotalAllocatedBytes(precise: true);
        await action();
        return GC.GetTotalAllocatedBytes(precise: true) - before;
    }

    private static byte[] BuildListing(long size)
    {
        var text = new StringBuilder("{\"payments\":[");
        for (var i = 0; text.Length < size; i++)
        {
            text.Append("{\"id\":\"p-").Append(i).Append("\",\"status\":\"COMPLETED\",\"amount\":1250},");
        }

        text.Append("{\"id\":\"last\"}]}");
        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
