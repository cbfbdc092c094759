using System.Buffers;

namespace PaymentHttp;

/// <summary>
/// Reads response bodies for classification without ever holding more than the configured limit.
/// </summary>
internal static class BodyReader
{
    /// <summary>
    /// Reads at most <paramref name="limit"/> bytes of an unbuffered body. A body that breaks off while being read
    /// yields what arrived, marked truncated: the status still classifies the response.
    /// </summary>
    public static async ValueTask<RentedBody> ReadBoundedAsync(HttpContent content, int limit, CancellationToken cancellationToken)
    {
        // One byte past the limit tells "exactly the limit" from "longer than the limit".
        var wanted = content.Headers.ContentLength is { } declared && declared < limit ? (int)declared + 1 : limit + 1;
        var array = ArrayPool<byte>.Shared.Rent(Math.Max(wanted, 256));
        var length = 0;
        var brokeOff = false;
        try
        {
            using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            while (length <= limit)
            {
                if (length == array.Length)
                {
                    array = Grow(array, Math.Min(array.Length * 2, limit + 1));
                }

                var read = await stream.ReadAsync(array.AsMemory(length, Math.Min(array.Length, limit + 1) - length), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                length += read;
            }
        }
        catch (Exception exception) when (exception is IOException or HttpRequestException && !cancellationToken.IsCancellationRequested)
        {
            brokeOff = true;
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(array);
            throw;
        }

        return new RentedBody(array, Math.Min(length, limit), isTruncated: brokeOff || length > limit);
    }

    /// <summary>
    /// Copies a buffered body of at most <paramref name="limit"/> bytes into a pooled array, leaving the content
    /// readable for the caller. Returns <see cref="RentedBody.Empty"/> when the body is longer than the limit.
    /// </summary>
    public static async ValueTask<RentedBody> CopyBufferedAsync(HttpContent content, int limit, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength is not { } length || length > limit || length == 0)
        {
            return RentedBody.Empty;
        }

        var array = ArrayPool<byte>.Shared.Rent((int)length);
        try
        {
            var target = new SpanWriteStream(array);
            await content.CopyToAsync(target, cancellationToken).ConfigureAwait(false);
            return new RentedBody(array, target.Written, isTruncated: false);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(array);
            throw;
        }
    }

    private static byte[] Grow(byte[] array, int size)
    {
        var larger = ArrayPool<byte>.Shared.Rent(size);
        array.AsSpan().CopyTo(larger);
        ArrayPool<byte>.Shared.Return(array);
        return larger;
    }
}
