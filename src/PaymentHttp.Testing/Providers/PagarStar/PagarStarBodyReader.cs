using System.Text.Json;

namespace PaymentHttp.Testing;

/// <summary>
/// Reads a PagarStar request body: plain JSON (<c>application/json</c>), or the PTS encoding the real API requires
/// (<c>text/plain</c>, see <see cref="PagarStarRequestDecoder"/>), which is checked and decrypted first. A wrong
/// <c>X-Transaction-Signature</c> is refused with code <c>1010</c> (signature check failed), a body that does not
/// decrypt under the sandbox's safecode with code <c>1017</c> (request decryption failed).
/// </summary>
internal static class PagarStarBodyReader
{
    /// <summary>The body as a JSON object, or <see langword="null"/> with the rejection to send.</summary>
    public static JsonDocument? Read(SandboxRequest request, out SandboxResponse? rejection)
    {
        ReadOnlyMemory<byte> json = request.Body;
        if (PagarStarRequestDecoder.IsEncoded(request))
        {
            if (!PagarStarRequestDecoder.IsSignatureValid(request))
            {
                rejection = PagarStarSimulator.Code(1010, "Signature check failed");
                return null;
            }

            if (!PagarStarRequestDecoder.TryDecrypt(request.Body, out var decrypted))
            {
                rejection = PagarStarSimulator.Code(1017, "Request decryption failed");
                return null;
            }

            json = decrypted;
        }

        var document = SandboxJson.TryParseObject(json);
        rejection = document is null ? PagarStarSimulator.Code(1020, "Request not valid") : null;
        return document;
    }

    /// <summary>The merchant id of the body, decrypted when encoded, without rejecting anything (for the authentication check).</summary>
    public static string? MerchantId(SandboxRequest request)
    {
        ReadOnlyMemory<byte> json = request.Body;
        if (PagarStarRequestDecoder.IsEncoded(request))
        {
            if (!PagarStarRequestDecoder.TryDecrypt(request.Body, out var decrypted))
            {
                return null;
            }

            json = decrypted;
        }

        using var document = SandboxJson.TryParseObject(json);
        return document is null ? null : SandboxJson.Text(document.RootElement, "merchant_id");
    }
}
