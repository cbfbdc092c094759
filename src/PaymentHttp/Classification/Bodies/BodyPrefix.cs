using System.Buffers;

namespace PaymentHttp;

/// <summary>
/// What <see cref="BodyReader.ReadPrefixAsync"/> read of a body: the raw bytes taken off the content (to hand to the
/// caller again), up to the limit plus one of the decoded bytes (to classify), and how the read ended. Dispose it to
/// return the pooled arrays; the raw stream still to be read belongs to the content it came from.
/// </summary>
internal sealed class BodyPrefix : IDisposable
{
    private readonly RecordingStream? _raw;
    private readonly byte[]? _decoded;
    private readonly int _decodedLength;
    private readonly int _limit;

    public BodyPrefix(RecordingStream? raw, byte[]? decoded, int decodedLength, int limit)
    {
        _raw = raw;
        _decoded = decoded;
        _decodedLength = decodedLength;
        _limit = limit;
    }

    /// <summary>Gets the raw stream to continue from after <see cref="Raw"/>, or <see langword="null"/> when it ended or broke.</summary>
    public Stream? Remaining { get; init; }

    /// <summary>Gets the failure that ended the read of the raw stream (it broke off), if any.</summary>
    public Exception? Failure { get; init; }

    /// <summary>Gets a value indicating whether the body could not be decoded (corrupt data or an unknown encoding).</summary>
    public bool IsUndecodable { get; init; }

    /// <summary>Gets the exception the decoder threw, if any.</summary>
    public Exception? DecodingFailure { get; init; }

    /// <summary>Gets a value indicating whether the whole body was read and decoded, within the limit.</summary>
    public bool IsComplete => Remaining is null && Failure is null && !IsUndecodable && !IsOverLimit;

    /// <summary>Gets a value indicating whether the decoded body is longer than the limit.</summary>
    public bool IsOverLimit => _decodedLength > _limit;

    /// <summary>Gets a value indicating whether the classifier sees less than the whole body.</summary>
    public bool IsTruncated => Failure is not null || IsUndecodable || IsOverLimit;

    /// <summary>Gets the decoded bytes, at most the limit.</summary>
    public ReadOnlySpan<byte> Body => _decoded is not null ? _decoded.AsSpan(0, Math.Min(_decodedLength, _limit)) : Raw[..Math.Min(_decodedLength, _limit)];

    /// <summary>Gets the raw bytes taken off the content, as the primary handler delivered them.</summary>
    public ReadOnlySpan<byte> Raw => _raw is null ? default : _raw.Recorded;

    /// <summary>Copies the raw bytes into an array that outlives this prefix.</summary>
    public byte[] CopyRaw() => _raw?.CopyRecord() ?? [];

    public void Dispose()
    {
        _raw?.Dispose();
        if (_decoded is not null)
        {
            ArrayPool<byte>.Shared.Return(_decoded);
        }
    }
}
