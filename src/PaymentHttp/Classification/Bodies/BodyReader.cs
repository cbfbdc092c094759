using System.Buffers;

namespace PaymentHttp;

/// <summary>
/// Reads the part of a response body that classification needs, decoded, without ever holding more than the limit
/// of decoded bytes: whatever the framing (Content-Length, chunked, until the connection closes) and whatever the
/// <c>Content-Encoding</c> the primary handler left in place. A decompression bomb costs at most the limit.
/// </summary>
internal static class BodyReader
{
    /// <summary>How far past the end of the decoded data the raw stream is read to see it end (trailers, padding).</summary>
    private const int MaxTrailingRawBytes = 4 * 1024;

    /// <summary>
    /// Reads at most <paramref name="limit"/> decoded bytes, plus one to tell "exactly the limit" from "longer". A body
    /// that breaks off or cannot be decoded yields what arrived, marked truncated: never an exception but cancellation.
    /// With <paramref name="readToEnd"/>, a body that fits is read to the end of the raw stream, so that it can be
    /// handed on complete. Without <paramref name="decode"/>, the bytes are read as the primary handler delivers them.
    /// </summary>
    public static async ValueTask<BodyPrefix> ReadPrefixAsync(HttpContent content, int limit, bool readToEnd, CancellationToken cancellationToken, bool decode = true)
    {
        Stream raw;
        try
        {
            raw = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (IsReadFailure(exception, cancellationToken))
        {
            return new BodyPrefix(null, null, 0, limit) { Failure = exception };
        }

        var declared = content.Headers.ContentLength;
        var recording = new RecordingStream(raw, declared is { } length && length < limit ? (int)length + 1 : Math.Min(limit + 1, 16 * 1024));
        try
        {
            var decoder = decode ? await OpenDecoderAsync(recording, content, cancellationToken).ConfigureAwait(false) : recording;
            if (decoder is null)
            {
                return new BodyPrefix(recording, null, 0, limit) { IsUndecodable = true, Remaining = recording.Ended ? null : raw };
            }

            return ReferenceEquals(decoder, recording)
                ? await ReadIdentityAsync(recording, raw, limit, cancellationToken).ConfigureAwait(false)
                : await ReadDecodedAsync(recording, decoder, raw, limit, readToEnd, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (IsReadFailure(exception, cancellationToken))
        {
            return new BodyPrefix(recording, null, 0, limit) { Failure = exception }; // broke off while sniffing the encoding
        }
        catch (Exception exception) when (ContentDecoding.IsInvalidData(exception) && !cancellationToken.IsCancellationRequested)
        {
            return new BodyPrefix(recording, null, 0, limit) { IsUndecodable = true, DecodingFailure = exception };
        }
        catch
        {
            recording.Dispose();
            throw;
        }
    }

    /// <summary>A failure of the connection or of the body's framing, as opposed to cancellation or a bug.</summary>
    public static bool IsReadFailure(Exception exception, CancellationToken cancellationToken) =>
        !cancellationToken.IsCancellationRequested && exception is IOException or HttpRequestException or ObjectDisposedException;

    private static ValueTask<Stream?> OpenDecoderAsync(RecordingStream recording, HttpContent content, CancellationToken cancellationToken)
    {
        // Reading Content-Encoding parses it; skip that when there is none (the common case, and always with
        // AutomaticDecompression on, which removes the header).
        return content.Headers.NonValidated.Contains("Content-Encoding")
            ? ContentDecoding.OpenAsync(recording, content.Headers.ContentEncoding, cancellationToken)
            : ValueTask.FromResult<Stream?>(recording);
    }

    private static async ValueTask<BodyPrefix> ReadIdentityAsync(RecordingStream recording, Stream raw, int limit, CancellationToken cancellationToken)
    {
        try
        {
            while (recording.Length32 <= limit && await recording.FillAsync(limit + 1 - recording.Length32, cancellationToken).ConfigureAwait(false) > 0)
            {
            }
        }
        catch (Exception exception) when (IsReadFailure(exception, cancellationToken))
        {
            return new BodyPrefix(recording, null, recording.Length32, limit) { Failure = exception };
        }
        catch (Exception exception) when (ContentDecoding.IsInvalidData(exception) && !cancellationToken.IsCancellationRequested)
        {
            // The primary handler decodes (AutomaticDecompression) and met invalid data.
            return new BodyPrefix(recording, null, recording.Length32, limit) { IsUndecodable = true, DecodingFailure = exception };
        }

        return new BodyPrefix(recording, null, recording.Length32, limit) { Remaining = recording.Ended ? null : raw };
    }

    private static async ValueTask<BodyPrefix> ReadDecodedAsync(
        RecordingStream recording, Stream decoder, Stream raw, int limit, bool readToEnd, CancellationToken cancellationToken)
    {
        var decoded = ArrayPool<byte>.Shared.Rent(Math.Min(limit + 1, 16 * 1024));
        var length = 0;
        try
        {
            while (length <= limit)
            {
                if (length == decoded.Length)
                {
                    decoded = Grow(decoded, length, Math.Min(decoded.Length * 2, limit + 1));
                }

                var read = await decoder.ReadAsync(decoded.AsMemory(length, Math.Min(decoded.Length, limit + 1) - length), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                length += read;
            }

            if (readToEnd && length <= limit)
            {
                // The decoded data ended; see the raw stream end too, so the body can be handed on whole.
                var trailing = recording.Length32 + MaxTrailingRawBytes;
                while (!recording.Ended && recording.Length32 < trailing && await recording.FillAsync(trailing - recording.Length32, cancellationToken).ConfigureAwait(false) > 0)
                {
                }
            }
        }
        catch (Exception exception) when (IsReadFailure(exception, cancellationToken))
        {
            return new BodyPrefix(recording, decoded, length, limit) { Failure = exception };
        }
        catch (Exception exception) when (ContentDecoding.IsInvalidData(exception) && !cancellationToken.IsCancellationRequested)
        {
            return new BodyPrefix(recording, decoded, length, limit) { IsUndecodable = true, DecodingFailure = exception, Remaining = recording.Ended ? null : raw };
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(decoded);
            throw;
        }
        finally
        {
            await decoder.DisposeAsync().ConfigureAwait(false);
        }

        return new BodyPrefix(recording, decoded, length, limit) { Remaining = recording.Ended ? null : raw };
    }

    private static byte[] Grow(byte[] array, int length, int size)
    {
        var larger = ArrayPool<byte>.Shared.Rent(size);
        array.AsSpan(0, length).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(array);
        return larger;
    }
}
