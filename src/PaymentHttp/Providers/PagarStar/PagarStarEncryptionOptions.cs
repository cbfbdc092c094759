namespace PaymentHttp;

/// <summary>
/// The merchant secrets PagarStar PTS uses to encrypt and sign requests. Keep them out of source control; bind
/// them from a secret store. They never appear in logs or exception messages.
/// </summary>
public sealed class PagarStarEncryptionOptions
{
    /// <summary>
    /// Gets or sets the merchant safecode: the AES key for request and response bodies. Required; its UTF-8 form
    /// must be 16, 24 or 32 bytes long (AES-128, -192 or -256).
    /// </summary>
    public string? SafeCode { get; set; }

    /// <summary>
    /// Gets or sets the transaction secret for the <c>X-Transaction-Signature</c> header (PTS version 2):
    /// base64 of HMAC-SHA256 over the body as sent. When <see langword="null"/>, no signature header is sent.
    /// </summary>
    public string? TransactionSecret { get; set; }

    /// <inheritdoc/>
    public override string ToString() => nameof(PagarStarEncryptionOptions) + " { secrets hidden }";
}
