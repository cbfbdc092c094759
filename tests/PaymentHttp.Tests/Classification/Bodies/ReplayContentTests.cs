using System.Text;
using PaymentHttp.Tests.TestUtilities;

namespace PaymentHttp.Tests.Classification.Bodies;

public sealed class ReplayContentTests
{
    [Fact]
    public async Task ReplaysThePrefix_ThenStreamsTheRest_WithTheOriginalHeaders()
    {
        var original = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes("lo, world")));
        original.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        var rest = await original.ReadAsStreamAsync();
        using var replay = new ReplayContent(original, Encoding.UTF8.GetBytes("hel"), rest, failure: null);

        (await replay.ReadAsStringAsync()).ShouldBe("hello, world");
        replay.Headers.ContentType!.MediaType.ShouldBe("application/json");
        replay.IsInMemory.ShouldBeFalse();
    }

    [Fact]
    public async Task AsAStream_ReadsPrefixAndRest()
    {
        var original = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes("def")));
        using var replay = new ReplayContent(original, Encoding.UTF8.GetBytes("abc"), await original.ReadAsStreamAsync(), failure: null);

        using var reader = new StreamReader(await replay.ReadAsStreamAsync());

        (await reader.ReadToEndAsync()).ShouldBe("abcdef");
    }

    [Fact]
    public async Task WholeBodyInMemory_CanBeReadAgain_AndKnowsItsLength()
    {
        using var replay = new ReplayContent(new ByteArrayContent([]), Encoding.UTF8.GetBytes("{}"), remaining: null, failure: null);

        (await replay.ReadAsStringAsync()).ShouldBe("{}");
        (await replay.ReadAsStringAsync()).ShouldBe("{}");
        replay.Headers.ContentLength.ShouldBe(2);
    }

    [Fact]
    public async Task StreamedRest_CanBeReadOnlyOnce()
    {
        var original = new StreamContent(new MemoryStream([1, 2, 3]));
        using var replay = new ReplayContent(original, [0], await original.ReadAsStreamAsync(), failure: null);
        using var target = new MemoryStream();
        await replay.CopyToAsync(target);

        await Should.ThrowAsync<InvalidOperationException>(() => replay.CopyToAsync(new MemoryStream()));
        target.ToArray().ShouldBe(new byte[] { 0, 1, 2, 3 });
    }

    [Fact]
    public async Task BelowTheClassifier_ABreakSurfacesAsItCame_ForTheClassifierAbove()
    {
        var original = new StreamContent(new BreakingStream(Encoding.UTF8.GetBytes("rest")));
        using var replay = new ReplayContent(original, Encoding.UTF8.GetBytes("pre"), await original.ReadAsStreamAsync(), failure: null);

        using var body = await BodyReader.ReadPrefixAsync(replay, 1024, readToEnd: true, CancellationToken.None);

        body.Failure.ShouldBeOfType<IOException>();
        Encoding.UTF8.GetString(body.Body).ShouldBe("prerest");
    }

    [Fact]
    public async Task RecordedFailure_IsRethrownAfterThePrefix()
    {
        using var replay = new ReplayContent(new ByteArrayContent([]), Encoding.UTF8.GetBytes("pre"), remaining: null, new IOException("reset"));
        using var stream = await replay.ReadAsStreamAsync();
        var buffer = new byte[16];

        await stream.ReadExactlyAsync(buffer.AsMemory(0, 3));
        Encoding.UTF8.GetString(buffer, 0, 3).ShouldBe("pre");
        await Should.ThrowAsync<IOException>(async () => await stream.ReadExactlyAsync(buffer.AsMemory(0, 1)));
    }

    [Fact]
    public async Task Dispose_DisposesTheOriginal()
    {
        var inner = new MemoryStream([1]);
        var original = new StreamContent(inner);
        var replay = new ReplayContent(original, [], await original.ReadAsStreamAsync(), failure: null);

        replay.Dispose();

        inner.CanRead.ShouldBeFalse();
    }
}
