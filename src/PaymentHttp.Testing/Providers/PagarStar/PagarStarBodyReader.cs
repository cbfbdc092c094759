using System.Text.Json;

namespace PaymentHttp.Testing;

/// <summary>
/// Reads a PagarStar request body. Plain JSON (<c>application/json</c>) is supported. The real API sends the JSON
/// encrypted — AES-ECB with PKCS7 padding keyed by the merchant safecode, base64, as <c>text/plain</c> — and that is
/// where decryption plugs in: decrypt here and parse the result; every caller stays as it is. Until then an
/// encrypted body is refused with code <c>1017</c> (request decryption failed).
/// </summary>
internal static class PagarStarBodyReader
{
    /// <summary>The body as a JSON object, or <see langword="null"/> with the rejection to send.</summary>
    public static JsonDocument? Read(SandboxRequest request, out SandboxResponse? rejection)
    {
        if (string.Equals(request.MediaType, "TEXT/PLAIN", StringComparison.Ordinal))
        {
            rejection = PagarStarSimulator.Code(1017, "Request decryption failed: the sandbox does not accept encrypted bodies yet; send plain JSON.");
            return null;
        }

        var document = SandboxJson.TryParseObject(request.Body);
        rejection = document is null ? PagarStarSimulator.Code(1020, "Request not valid") : null;
        return document;
    }

    /// <summary>The merchant id of the body, without rejecting anything (for the authentication check).</summary>
    public static string? MerchantId(SandboxRequest request)
    {
        if (string.Equals(request.MediaType, "TEXT/PLAIN", StringComparison.Ordinal))
        {
            return null;
        }

        using var document = SandboxJson.TryParseObject(request.Body);
        return document is null ? null : SandboxJson.Text(document.RootElement, "merchant_id");
    }
}
