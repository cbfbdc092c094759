using System.IO.Compression;
using System.Text;
using PaymentHttp.Tests.TestUtilities;

namespace PaymentHttp.Tests.Classification.Bodies;

public sealed class BodyReaderTests
{
    private static readonly byte[] Json = Encoding.UTF8.GetBytes("""{"id":"p-1","status":"FAILED","amount":1250}""");

    public static TheoryData<string> Encodings() => new() { "identity", "gzip", "x-gzip", "deflate", "deflate-raw", "br", "gzip, br" };

    [Theory]
    [MemberData(nameof(Encodings))]
    public async Task EncodedBody_IsDecodedForClassification_AndTheRawBytesAreKept(string encoding)
    {
        var raw = Encode(Json, encoding);
        using var content = Content(raw, encoding);

        using var body = await BodyReader.ReadPrefixAsync(content, 1024, readToEnd: true, CancellationToken.None);

        body.Body.ToArray().ShouldBe(Json);
        body.Raw.ToArray().ShouldBe(raw);
        body.IsComplete.ShouldBeTrue();
        body.IsTruncated.ShouldBeFalse();
    }

    [Theory]
    [MemberData(nameof(Encodings))]
    public async Task LongerThanTheLimit_ReadsLimitPlusOneDecodedBytes_AndLeavesTheRest(string encoding)
    {
        var plain = Enumerable.Repeat((byte)'a', 100_000).ToArray();
        var counting = new CountingReadStream(new MemoryStream(Encode(plain, encoding)));
        using var content = new StreamContent(counting);
        SetEncoding(content, encoding);

        using var body = await BodyReader.ReadPrefixAsync(content, 1024, readToEnd: true, CancellationToken.None);

        body.Body.Length.ShouldBe(1024);
        body.IsOverLimit.ShouldBeTrue();
        body.IsTruncated.ShouldBeTrue();
        body.Remaining.ShouldNotBeNull();
        body.Raw.Length.ShouldBe((int)counting.BytesRead);
        if (encoding == "identity")
        {
            counting.BytesRead.ShouldBe(1025);
        }
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("deflate")]
    [InlineData("br")]
    public async Task DecompressionBomb_CostsTheLimit_NotTheInflatedSize(string encoding)
    {
        var bomb = Encode(new byte[64 * 1024 * 1024], encoding); // 64 MiB of zeros, a few KiB on the wire
        var counting = new CountingReadStream(new MemoryStream(bomb));
        using var content = new StreamContent(counting);
        SetEncoding(content, encoding);

        using var body = await BodyReader.ReadPrefixAsync(content, 64 * 1024, readToEnd: false, CancellationToken.None);

        body.Body.Length.ShouldBe(64 * 1024);
        body.IsOverLimit.ShouldBeTrue();
        counting.BytesRead.ShouldBeLessThanOrEqualTo(32 * 1024); // a decoder read-ahead or two, not the ~64 KiB gzip of the whole bomb
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("deflate")]
    [InlineData("br")]
    public async Task CorruptEncoding_IsUndecodable_NeverAnException(string encoding)
    {
        var corrupt = Encode(Enumerable.Range(0, 5000).Select(i => (byte)(i * 7)).ToArray(), encoding);
        for (var i = corrupt.Length / 3; i < corrupt.Length; i += 5)
        {
            corrupt[i] ^= 0x5A;
        }

        using var content = Content(corrupt, encoding);

        using var body = await BodyReader.ReadPrefixAsync(content, 64 * 1024, readToEnd: true, CancellationToken.None);

        body.IsUndecodable.ShouldBeTrue();
        body.IsTruncated.ShouldBeTrue();
        body.IsComplete.ShouldBeFalse();
        body.DecodingFailure.ShouldNotBeNull();
    }

    [Fact]
    public async Task NotCompressedAtAllThoughLabelledGzip_IsUndecodable()
    {
        using var content = Content(Json, "gzip");

        using var body = await BodyReader.ReadPrefixAsync(content, 1024, readToEnd: true, CancellationToken.None);

        body.IsUndecodable.ShouldBeTrue();
    }

    [Fact]
    public async Task UnknownEncoding_IsUndecodable_AndNothingIsRead()
    {
        using var content = Content(Json, "zstd");

        using var body = await BodyReader.ReadPrefixAsync(content, 1024, readToEnd: true, CancellationToken.None);

        body.IsUndecodable.ShouldBeTrue();
        body.Raw.Length.ShouldBe(0);
        body.Remaining.ShouldNotBeNull();
    }

    [Theory]
    [InlineData("identity")]
    [InlineData("gzip")]
    public async Task BodyThatBreaksOff_YieldsWhatArrived_WithTheFailure(string encoding)
    {
        var encoded = Encode(Json, encoding);
        using var content = new StreamContent(new BreakingStream(encoded[..(encoded.Length / 2)]));
        SetEncoding(content, encoding);

        using var body = await BodyReader.ReadPrefixAsync(content, 1024, readToEnd: true, CancellationToken.None);

        body.Failure.ShouldBeOfType<IOException>();
        body.IsTruncated.ShouldBeTrue();
        body.Raw.ToArray().ShouldBe(encoded[..(encoded.Length / 2)]);
        Json.AsSpan().StartsWith(body.Body).ShouldBeTrue();
    }

    [Fact]
    public async Task Cancellation_IsNotABrokenBody()
    {
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();
        using var content = new StreamContent(new MemoryStream(Json));

        await Should.ThrowAsync<OperationCanceledException>(async () =>
            (await BodyReader.ReadPrefixAsync(content, 1024, readToEnd: true, cancel.Token)).Dispose());
    }

    internal static byte[] Encode(byte[] plain, string encoding)
    {
        if (encoding == "identity")
        {
            return plain;
        }

        if (encoding == "gzip, br")
        {
            return Encode(Encode(plain, "gzip"), "br");
        }

        using var output = new MemoryStream();
        using (Stream encoder = encoding switch
        {
            "gzip" or "x-gzip" => new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true),
            "deflate" => new ZLibStream(output, CompressionLevel.Fastest, leaveOpen: true),
            "deflate-raw" => new DeflateStream(output, CompressionLevel.Fastest, leaveOpen: true),
            "br" => new BrotliStream(output, CompressionLevel.Fastest, leaveOpen: true),
            _ => throw new ArgumentOutOfRangeException(nameof(encoding), encoding, null),
        })
        {
            encoder.Write(plain);
        }

        return output.ToArray();
    }

    private static ByteArrayContent Content(byte[] raw, string encoding)
    {
        var content = new ByteArrayContent(raw);
        SetEncoding(content, encoding);
        return content;
    }

    private static void SetEncoding(HttpContent content, string encoding)
    {
        if (encoding != "identity")
        {
            content.Headers.TryAddWithoutValidation("Content-Encoding", encoding == "deflate-raw" ? "deflate" : encoding);
        }
    }

    private sealed class CountingReadStream(Stream inner) : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = inner.Read(buffer, offset, count);
            BytesRead += read;
            return read;
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await inner.ReadAsync(buffer, cancellationToken);
            BytesRead += read;
            return read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
