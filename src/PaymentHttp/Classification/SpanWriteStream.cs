namespace PaymentHttp;

/// <summary>
/// A write-only stream over a fixed array, used to copy a buffered body out without a second buffer.
/// Writes past the end of the array are dropped: callers size the array from the content length.
/// </summary>
internal sealed class SpanWriteStream : Stream
{
    private readonly byte[] _array;

    public SpanWriteStream(byte[] array)
    {
        _array = array;
    }

    public int Written { get; private set; }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => Written;

    public override long Position
    {
        get => Written;
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        var room = Math.Min(buffer.Length, _array.Length - Written);
        buffer[..room].CopyTo(_array.AsSpan(Written));
        Written += room;
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        Write(buffer.AsSpan(offset, count));
        return Task.CompletedTask;
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
