using System.Buffers;

namespace PaymentHttp;

/// <summary>
/// Up to a fixed number of body bytes in a pooled array. Dispose it to return the array.
/// </summary>
internal readonly struct RentedBody : IDisposable
{
    public static readonly RentedBody Empty = new(null, 0, isTruncated: false);

    private readonly byte[]? _array;

    public RentedBody(byte[]? array, int length, bool isTruncated)
    {
        _array = array;
        Length = length;
        IsTruncated = isTruncated;
    }

    public int Length { get; }

    /// <summary>Gets a value indicating whether the body went on past the limit or broke off while being read.</summary>
    public bool IsTruncated { get; }

    public ReadOnlySpan<byte> Span => _array is null ? default : _array.AsSpan(0, Length);

    public void Dispose()
    {
        if (_array is not null)
        {
            ArrayPool<byte>.Shared.Return(_array);
        }
    }
}
