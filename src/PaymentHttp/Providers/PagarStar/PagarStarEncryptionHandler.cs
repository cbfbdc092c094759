using System.Net.Http.Headers;

namespace PaymentHttp;

/// <summary>
/// Encodes each PTS attempt on the wire: the JSON body is encrypted (<see cref="PagarStarCipher"/>) and sent as
/// <c>text/plain</c> with <c>X-Transaction-Signature</c>; a response body that arrives as base64 ciphertext is
/// decrypted so that classification and the caller see JSON. It sits innermost, next to the primary handler, so the
/// request keeps its plain JSON content between attempts and every attempt sends the same bytes.
/// </summary>
internal sealed class PagarStarEncryptionHandler : DelegatingHandler
{
    public const string SignatureHeader = "X-Transaction-Signature";

    /// <summary>Encrypted responses larger than this are left alone: PTS answers are small.</summary>
    internal const int MaxEncryptedResponseBytes = 1024 * 1024;

    private static readonly MediaTypeHeaderValue TextPlain = new("text/plain") { CharSet = "utf-8" };
    private readonly PagarStarCipher _cipher;

    public PagarStarEncryptionHandler(PagarStarCipher cipher)
    {
        _cipher = cipher;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var plain = request.Content;
        if (plain is null)
        {
            return await DecryptAsync(await base.SendAsync(request, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        }

        var encrypted = _cipher.Encrypt(await plain.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false));
        var content = new ByteArrayContent(encrypted);
        content.Headers.ContentType = TextPlain;
        request.Headers.Remove(SignatureHeader);
        if (_cipher.Signs)
        {
            request.Headers.TryAddWithoutValidation(SignatureHeader, _cipher.Sign(encrypted));
        }

        request.Content = content;
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            return await DecryptAsync(response, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            request.Content = plain; // the next attempt encrypts the same JSON again
        }
    }

    /// <summary>
    /// Reads the answer whatever its framing (Content-Length, chunked, until close) and its <c>Content-Encoding</c>,
    /// at most <see cref="MaxEncryptedResponseBytes"/> decoded. A body that is ciphertext of a JSON object becomes that
    /// JSON (identity, as if PTS had sent it plain); any other body is handed on as it came — replayed, with the rest
    /// still streamed and a break or corrupt encoding left for the classification above to see.
    /// </summary>
    private async Task<HttpResponseMessage> DecryptAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var original = response.Content;
        if (original.Headers.ContentType?.MediaType is { } mediaType && mediaType.Contains("json", StringComparison.OrdinalIgnoreCase)
            || original.Headers.ContentLength is 0 or > MaxEncryptedResponseBytes)
        {
            return response;
        }

        using var body = await BodyReader.ReadPrefixAsync(original, MaxEncryptedResponseBytes, readToEnd: true, cancellationToken).ConfigureAwait(false);
        if (body.IsComplete
            && !body.Body.IsEmpty
            && !JsonEnvelope.LooksLikeObject(body.Body)
            && _cipher.TryDecrypt(body.Body, out var json)
            && JsonEnvelope.LooksLikeObject(json))
        {
            var decrypted = new ByteArrayContent(json);
            decrypted.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            response.Content = decrypted;
            original.Dispose();
            return response;
        }

        if (original is ByteArrayContent or ReadOnlyMemoryContent)
        {
            // Read through its cached stream: put it back at the start.
            var stream = await original.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            stream.Position = 0;
            return response;
        }

        // A decoder below (AutomaticDecompression) that met invalid data ended the stream: the classifier must see that too.
        response.Content = new ReplayContent(original, body.CopyRaw(), body.Remaining, body.Failure ?? body.DecodingFailure);
        return response;
    }
}
