using System.IO.Compression;

namespace PaymentHttp;

/// <summary>
/// Undoes the <c>Content-Encoding</c> of a body that the primary handler left encoded (its
/// <c>AutomaticDecompression</c> off, or not covering the encoding), for classification only: the caller still gets
/// the body as it came. Encodings are undone last-applied first; <c>deflate</c> is accepted zlib-wrapped (as the RFC
/// says) or raw (as some servers send it), like SocketsHttpHandler does.
/// </summary>
internal static class ContentDecoding
{
    /// <summary>
    /// Returns a stream of the decoded body over <paramref name="raw"/> (left open; disposing the returned stream disposes the decoders it stacks), <paramref name="raw"/> itself for
    /// identity, or <see langword="null"/> when an encoding is not one PaymentHttp can decode.
    /// </summary>
    public static async ValueTask<Stream?> OpenAsync(RecordingStream raw, ICollection<string> encodings, CancellationToken cancellationToken)
    {
        if (encodings.Count == 0)
        {
            return raw;
        }

        var names = encodings.ToArray();
        Stream decoded = raw;
        for (var i = names.Length - 1; i >= 0; i--)
        {
            var name = names[i].Trim();
            if (name.Length == 0 || name.Equals("identity", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (name.Equals("gzip", StringComparison.OrdinalIgnoreCase) || name.Equals("x-gzip", StringComparison.OrdinalIgnoreCase))
            {
                decoded = new GZipStream(decoded, CompressionMode.Decompress, leaveOpen: ReferenceEquals(decoded, raw));
            }
            else if (name.Equals("br", StringComparison.OrdinalIgnoreCase))
            {
                decoded = new BrotliStream(decoded, CompressionMode.Decompress, leaveOpen: ReferenceEquals(decoded, raw));
            }
            else if (name.Equals("deflate", StringComparison.OrdinalIgnoreCase))
            {
                var zlib = !ReferenceEquals(decoded, raw) || await StartsWithZlibHeaderAsync(raw, cancellationToken).ConfigureAwait(false);
                var leaveOpen = ReferenceEquals(decoded, raw);
                decoded = zlib
                    ? new ZLibStream(decoded, CompressionMode.Decompress, leaveOpen)
                    : new DeflateStream(decoded, CompressionMode.Decompress, leaveOpen);
            }
            else
            {
                return null;
            }
        }

        return decoded;
    }

    /// <summary>Returns whether an exception thrown while reading a decoder means the data was not valid for its encoding.</summary>
    public static bool IsInvalidData(Exception exception) => exception is InvalidDataException or InvalidOperationException;

    /// <summary>RFC 1950: compression method 8 and a header checksum that is a multiple of 31.</summary>
    private static async ValueTask<bool> StartsWithZlibHeaderAsync(RecordingStream raw, CancellationToken cancellationToken)
    {
        while (raw.Length32 < 2 && await raw.FillAsync(2 - raw.Length32, cancellationToken).ConfigureAwait(false) > 0)
        {
        }

        raw.Rewind();
        var head = raw.Recorded;
        return head.Length >= 2 && (head[0] & 0x0F) == 8 && ((head[0] << 8) | head[1]) % 31 == 0;
    }
}
