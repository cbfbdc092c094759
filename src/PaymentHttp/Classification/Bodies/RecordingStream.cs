using System.Buffers;

namespace PaymentHttp;

/// <summary>
/// Reads a raw response stream and keeps every byte it took from it in a pooled array, so that what was read for
/// inspection (possibly through a decoder that reads ahead) can be handed to the caller again, followed by the rest of
/// the stream. It can rewind once to its first byte, to let a decoder see the bytes that were sniffed.
/// </summary>
internal sealed class RecordingStream : ForwardOnlyReadStream
{
    private readonly Stream _inner;
    private byte[] _recorded;
    private int _replayFrom = -1;

    public RecordingStream(Stream inner, int initialCapacity)
    {
        _inner = inner;
        _recorded = ArrayPool<byte>.Shared.Rent(Math.Max(initialCapacity, 256));
    }

    /// <summary>Gets how many bytes were taken from the raw stream.</summary>
    public int Length32 { get; private set; }

    /// <summary>Gets a value indicating whether the raw stream reported its end.</summary>
    public bool Ended { get; private set; }

    public ReadOnlySpan<byte> Recorded => _recorded.AsSpan(0, Length32);

    /// <summary>Serves the recorded bytes again before reading on; used once, after sniffing the first bytes.</summary>
    public void Rewind() => _replayFrom = 0;

    /// <summary>
    /// Reads up to <paramref name="max"/> more raw bytes straight into the record (no decoder in between), growing
    /// the record only when it is full.
    /// </summary>
    public async ValueTask<int> FillAsync(int max, CancellationToken cancellationToken)
    {
        if (Length32 == _recorded.Length)
        {
            Grow(_recorded.Length * 2);
        }

        var read = await _inner.ReadAsync(_recorded.AsMemory(Length32, Math.Min(max, _recorded.Length - Length32)), cancellationToken).ConfigureAwait(false);
        Length32 += read;
        Ended |= read == 0;
        return read;
    }

    /// <summary>Copies the record into an array of its own, which outlives this stream.</summary>
    public byte[] CopyRecord() => Recorded.ToArray();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (buffer.IsEmpty)
        {
            return 0;
        }

        if (_replayFrom >= 0 && _replayFrom < Length32)
        {
            var replayed = Math.Min(buffer.Length, Length32 - _replayFrom);
            _recorded.AsSpan(_replayFrom, replayed).CopyTo(buffer.Span);
            _replayFrom += replayed;
            return replayed;
        }

        // Reads of a decoder are small (its own buffer); record them as they come.
        var count = Math.Min(buffer.Length, 16 * 1024);
        var read = await FillAsync(count, cancellationToken).ConfigureAwait(false);
        _recorded.AsSpan(Length32 - read, read).CopyTo(buffer.Span);
        _replayFrom = Length32;
        return read;
    }

    public override int Read(byte[] buffer, int offset, int count) =>
        ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    /// <summary>Returns the pooled record; the raw stream is not disposed (the content it came from owns it).</summary>
    protected override void Dispose(bool disposing)
    {
        if (disposing && _recorded.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_recorded);
            _recorded = [];
            Length32 = 0;
        }

        base.Dispose(disposing);
    }

    private void Grow(int size)
    {
        var larger = ArrayPool<byte>.Shared.Rent(size);
        _recorded.AsSpan(0, Length32).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(_recorded);
        _recorded = larger;
    }
}
