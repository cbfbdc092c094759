using System.IO.Compression;
using System.Net;
using System.Text.Json;
using PaymentHttp.IntegrationTests.Sandbox;
using PaymentHttp.Testing;

namespace PaymentHttp.IntegrationTests.Chaos;

/// <summary>
/// The sandbox's wire faults that the chaos run mixes in, seen by a bare client that neither follows redirects nor
/// decompresses, so that what the sandbox puts on the socket is checked byte for byte: redirect status, Location and
/// whether anything was charged; Content-Encoding and decodable bytes; chunked framing; a body no decoder accepts.
/// </summary>
public sealed class SandboxWireFaultTests
{
    private const PaymentProvider Provider = PaymentProvider.Plutu;

    public static TheoryData<HttpStatusCode, bool> Redirects()
    {
        var data = new TheoryData<HttpStatusCode, bool>();
        foreach (var status in new[] { HttpStatusCode.MovedPermanently, HttpStatusCode.Found, HttpStatusCode.SeeOther, HttpStatusCode.TemporaryRedirect, HttpStatusCode.PermanentRedirect })
        {
            data.Add(status, false);
            data.Add(status, true);
        }

        return data;
    }

    public static TheoryData<string> Encodings() => ["gzip", "deflate", "br"];

    [Theory]
    [MemberData(nameof(Redirects))]
    public async Task Redirect_SeeOtherAfterCharging_OthersBeforeCharging_LocationOnTheChosenOrigin(HttpStatusCode status, bool toAnotherOrigin)
    {
        await using var sandbox = await ProviderSandbox.StartAsync();
        using var client = BareClient(sandbox);
        var reference = SandboxRequests.NewReference();
        sandbox.Faults.Plan(Provider, reference, SandboxFault.Redirect(status, toAnotherOrigin));

        using var response = await client.SendAsync(SandboxRequests.Payment(Provider, reference));

        response.StatusCode.ShouldBe(status);
        var location = response.Headers.Location.ShouldNotBeNull();
        location.IsAbsoluteUri.ShouldBeTrue();
        var sandboxOrigin = sandbox.BaseAddress(Provider);
        (location.Host == sandboxOrigin.Host && location.Port == sandboxOrigin.Port).ShouldBe(!toAnotherOrigin, location.ToString());
        (await response.Content.ReadAsByteArrayAsync()).ShouldBeEmpty();
        sandbox.Ledger.ChargeCount(Provider, reference).ShouldBe(status == HttpStatusCode.SeeOther ? 1 : 0);
        sandbox.RequestCount(Provider).ShouldBe(1);
    }

    [Theory]
    [MemberData(nameof(Encodings))]
    public async Task Compressed_ApprovalOnTheWireInTheEncoding_AndCharged(string encoding)
    {
        await using var sandbox = await ProviderSandbox.StartAsync();
        using var client = BareClient(sandbox);
        var reference = SandboxRequests.NewReference();
        sandbox.Faults.Plan(Provider, reference, SandboxFault.Compressed(encoding));

        using var response = await client.SendAsync(SandboxRequests.Payment(Provider, reference));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentEncoding.ShouldBe([encoding]);
        var decoded = Decode(await response.Content.ReadAsByteArrayAsync(), encoding);
        using var body = JsonDocument.Parse(decoded);
        ProviderBodies.IsApproved(Provider, body.RootElement).ShouldBeTrue();
        sandbox.Ledger.ChargeCount(Provider, reference).ShouldBe(1);
    }

    [Theory]
    [MemberData(nameof(Encodings))]
    public async Task CorruptCompressed_NoDecoderGetsAByteOut_AndCharged(string encoding)
    {
        await using var sandbox = await ProviderSandbox.StartAsync();
        using var client = BareClient(sandbox);
        var reference = SandboxRequests.NewReference();
        sandbox.Faults.Plan(Provider, reference, SandboxFault.CorruptCompressed(encoding));

        using var response = await client.SendAsync(SandboxRequests.Payment(Provider, reference));

        response.Content.Headers.ContentEncoding.ShouldBe([encoding]);
        var encoded = await response.Content.ReadAsByteArrayAsync();
        var failure = Should.Throw<Exception>(() => Decode(encoded, encoding));
        (failure is InvalidDataException or InvalidOperationException).ShouldBeTrue(failure.ToString());
        sandbox.Ledger.ChargeCount(Provider, reference).ShouldBe(1);
    }

    [Fact]
    public async Task Chunked_NoContentLength_ChunkedFraming_AndCharged()
    {
        await using var sandbox = await ProviderSandbox.StartAsync();
        using var client = BareClient(sandbox);
        var reference = SandboxRequests.NewReference();
        sandbox.Faults.Plan(Provider, reference, SandboxFault.Chunked);

        using var response = await client.SendAsync(SandboxRequests.Payment(Provider, reference), HttpCompletionOption.ResponseHeadersRead);

        response.Headers.TransferEncodingChunked.ShouldBe(true);
        response.Content.Headers.ContentLength.ShouldBeNull();
        ProviderBodies.IsApproved(Provider, await ProviderBodies.JsonAsync(response)).ShouldBeTrue();
        sandbox.Ledger.ChargeCount(Provider, reference).ShouldBe(1);
    }

    [Fact]
    public void Factories_RefuseWhatIsNoRedirectOrNoEncoding()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => SandboxFault.Redirect(HttpStatusCode.OK));
        Should.Throw<ArgumentOutOfRangeException>(() => SandboxFault.Redirect(HttpStatusCode.NotModified));
        Should.Throw<ArgumentOutOfRangeException>(() => SandboxFault.Compressed("zstd"));
        Should.Throw<ArgumentOutOfRangeException>(() => SandboxFault.CorruptCompressed("identity"));
        SandboxFault.Redirect(HttpStatusCode.SeeOther, toAnotherOrigin: true).ToString().ShouldBe("Redirect(303, another origin)");
        SandboxFault.CorruptCompressed("br").ToString().ShouldBe("CorruptCompressed(br)");
    }

    /// <summary>Sandbox credentials over a handler that neither follows redirects nor decompresses.</summary>
    private static HttpClient BareClient(ProviderSandbox sandbox)
    {
        var credentials = sandbox.CredentialsHandler(Provider);
        credentials.InnerHandler = new SocketsHttpHandler { AllowAutoRedirect = false, AutomaticDecompression = DecompressionMethods.None };
        return new HttpClient(credentials) { BaseAddress = sandbox.BaseAddress(Provider), Timeout = TimeSpan.FromSeconds(10) };
    }

    private static byte[] Decode(byte[] encoded, string encoding)
    {
        using var input = new MemoryStream(encoded);
        using Stream decoder = encoding switch
        {
            "gzip" => new GZipStream(input, CompressionMode.Decompress),
            "deflate" => new ZLibStream(input, CompressionMode.Decompress),
            _ => new BrotliStream(input, CompressionMode.Decompress),
        };
        using var output = new MemoryStream();
        decoder.CopyTo(output);
        return output.ToArray();
    }
}
