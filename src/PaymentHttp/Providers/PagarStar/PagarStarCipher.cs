using System.Security.Cryptography;
using System.Text;

namespace PaymentHttp;

/// <summary>
/// The PTS body encoding: AES-ECB with PKCS7 padding keyed by the merchant safecode, then base64; the signature is
/// base64 of HMAC-SHA256 over the encoded body with the transaction secret. ECB is what PTS specifies, not a choice.
/// </summary>
internal sealed class PagarStarCipher
{
    private readonly byte[] _key;
    private readonly byte[]? _signingKey;

    public PagarStarCipher(string safeCode, string? transactionSecret)
    {
        _key = Encoding.UTF8.GetBytes(safeCode);
        _signingKey = transactionSecret is null ? null : Encoding.UTF8.GetBytes(transactionSecret);
    }

    public bool Signs => _signingKey is not null;

    /// <summary>Encrypts the JSON body and returns the base64 text as ASCII bytes, exactly as sent.</summary>
    public byte[] Encrypt(ReadOnlySpan<byte> json)
    {
        using var aes = CreateAes(); // one per call: Aes instances are not documented as thread-safe
#pragma warning disable CA5358 // PTS mandates AES-ECB; the mode is the provider's protocol, not ours to choose.
        var cipherText = aes.EncryptEcb(json, PaddingMode.PKCS7);
#pragma warning restore CA5358
        return Encoding.ASCII.GetBytes(Convert.ToBase64String(cipherText));
    }

    /// <summary>Decrypts a base64 body; <see langword="false"/> when it is not base64 or not valid ciphertext for this key.</summary>
    public bool TryDecrypt(ReadOnlySpan<byte> base64Body, out byte[] json)
    {
        json = [];
        var text = Encoding.ASCII.GetString(base64Body).Trim();
        var buffer = new byte[text.Length * 3 / 4];
        if (text.Length == 0 || !Convert.TryFromBase64String(text, buffer, out var written) || written % 16 != 0)
        {
            return false;
        }

        try
        {
            using var aes = CreateAes();
#pragma warning disable CA5358 // see Encrypt
            json = aes.DecryptEcb(buffer.AsSpan(0, written), PaddingMode.PKCS7);
#pragma warning restore CA5358
            return true;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    public string Sign(ReadOnlySpan<byte> bodyAsSent) =>
        Convert.ToBase64String(HMACSHA256.HashData(_signingKey ?? throw new InvalidOperationException("No transaction secret is configured."), bodyAsSent));

    private Aes CreateAes()
    {
        var aes = Aes.Create();
        aes.Key = _key;
        return aes;
    }
}
