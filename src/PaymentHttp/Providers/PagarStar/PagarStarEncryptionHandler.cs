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

    private async Task<HttpResponseMessage> DecryptAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var headers = response.Content.Headers;
        if (headers.ContentLength is not (> 0 and <= MaxEncryptedResponseBytes)
            || headers.ContentType?.MediaType is { } mediaType && mediaType.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            return response;
        }

        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        if (JsonEnvelope.LooksLikeObject(body) || !_cipher.TryDecrypt(body, out var json) || !JsonEnvelope.LooksLikeObject(json))
        {
            return response; // buffered, still readable as it came
        }

        var decrypted = new ByteArrayContent(json);
        decrypted.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        var original = response.Content;
        response.Content = decrypted;
        original.Dispose();
        return response;
    }
}
