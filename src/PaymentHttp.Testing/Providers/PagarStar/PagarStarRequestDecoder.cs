using System.Security.Cryptography;
using System.Text;

namespace PaymentHttp.Testing;

/// <summary>
/// The provider side of the PTS request encoding: the body is base64 text of the JSON encrypted with AES-ECB and
/// PKCS7 padding keyed by the merchant safecode (<see cref="SandboxCredentials.PagarStarSafeCode"/>), and
/// <c>X-Transaction-Signature</c>, when sent, is base64 of HMAC-SHA256 over the body as sent, keyed by the
/// transaction secret (<see cref="SandboxCredentials.PagarStarTransactionSecret"/>). Written independently of the
/// library's encoder, so that the sandbox checks it rather than mirrors it.
/// </summary>
internal static class PagarStarRequestDecoder
{
    public const string SignatureHeader = "X-Transaction-Signature";

    private static readonly byte[] SafeCode = Encoding.UTF8.GetBytes(SandboxCredentials.PagarStarSafeCode);
    private static readonly byte[] TransactionSecret = Encoding.UTF8.GetBytes(SandboxCredentials.PagarStarTransactionSecret);

    /// <summary>Whether the request carries its body in the PTS encoding (<c>text/plain</c>).</summary>
    public static bool IsEncoded(SandboxRequest request) => string.Equals(request.MediaType, "TEXT/PLAIN", StringComparison.Ordinal);

    /// <summary>
    /// Whether the signature header, when present, is the HMAC of the body as sent. A request without the header
    /// passes: PTS version 1 does not sign.
    /// </summary>
    public static bool IsSignatureValid(SandboxRequest request)
    {
        if (request.Header(SignatureHeader) is not { } signature)
        {
            return true;
        }

        Span<byte> sent = stackalloc byte[HMACSHA256.HashSizeInBytes];
        if (!Convert.TryFromBase64String(signature.Trim(), sent, out var written) || written != HMACSHA256.HashSizeInBytes)
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(TransactionSecret, request.Body.Span, expected);
        return CryptographicOperations.FixedTimeEquals(sent, expected);
    }

    /// <summary>Decrypts the body; <see langword="false"/> when it is not base64 or not ciphertext under the sandbox's safecode.</summary>
    public static bool TryDecrypt(ReadOnlyMemory<byte> body, out byte[] json)
    {
        json = [];
        var text = Encoding.ASCII.GetString(body.Span).Trim();
        var cipherText = new byte[(text.Length * 3 / 4) + 3];
        if (text.Length == 0 || !Convert.TryFromBase64String(text, cipherText, out var length) || length == 0 || length % 16 != 0)
        {
            return false;
        }

        try
        {
            using var aes = Aes.Create();
            aes.Key = SafeCode;
#pragma warning disable CA5358 // PTS specifies AES-ECB; the sandbox speaks the provider's protocol.
            json = aes.DecryptEcb(cipherText.AsSpan(0, length), PaddingMode.PKCS7);
#pragma warning restore CA5358
            return true;
        }
        catch (CryptographicException)
        {
            return false; // wrong key: the padding does not check out
        }
    }
}
