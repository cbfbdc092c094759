namespace PaymentHttp;

/// <summary>The read stream of a <see cref="ReplayContent"/>: the replayed prefix, then the rest of the body.</summary>
internal sealed class ReplayStream : ForwardOnlyReadStream
{
    private readonly ReplayContent _content;
    private readonly byte[] _prefix;
    private int _position;

    public ReplayStream(ReplayContent content, byte[] prefix)
    {
        _content = content;
        _prefix = prefix;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (buffer.IsEmpty)
        {
            return ValueTask.FromResult(0);
        }

        if (_position < _prefix.Length)
        {
            return ValueTask.FromResult(CopyPrefix(buffer.Span));
        }

        return _content.ReadRemainingAsync(buffer, cancellationToken);
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (buffer.IsEmpty)
        {
            return 0;
        }

        return _position < _prefix.Length ? CopyPrefix(buffer) : _content.ReadRemaining(buffer);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _content.DisposeRemaining(); // as disposing a response stream does: the connection is let go
        }

        base.Dispose(disposing);
    }

    private int CopyPrefix(Span<byte> buffer)
    {
        var count = Math.Min(buffer.Length, _prefix.Length - _position);
        _prefix.AsSpan(_position, count).CopyTo(buffer);
        _position += count;
        return count;
    }
}
