namespace PaymentHttp;

/// <summary>
/// What one client knows to be secret, read once from its options: the request headers that carry credentials
/// (every provider's, and those the user names in <see cref="PaymentProviderClientOptions.SensitiveHeaders"/>) and
/// fixed secret values (the PagarStar safecode and transaction secret). <see cref="For"/> pairs them with a request.
/// </summary>
internal sealed class ClientSecrets
{
    /// <summary>
    /// The headers the built-in providers carry credentials in: <c>Authorization</c> (Plutu's bearer token, PlexyPay's
    /// raw key, Paysafe's and MakeCommerce's basic credentials), Plutu's <c>X-API-KEY</c>, PagarStar's
    /// <c>X-Merchant-Id</c>, and the generic <c>Proxy-Authorization</c> and <c>Cookie</c>.
    /// </summary>
    public static readonly IReadOnlyList<string> CredentialHeaders = ["Authorization", "Proxy-Authorization", "X-API-KEY", "X-Merchant-Id", "Cookie"];

    /// <summary>Secrets of no client in particular: the built-in credential headers only.</summary>
    public static readonly ClientSecrets Default = new([], []);

    public ClientSecrets(IEnumerable<string> sensitiveHeaders, IEnumerable<string?> values)
    {
        HeaderNames = [.. CredentialHeaders.Concat(sensitiveHeaders).Distinct(StringComparer.OrdinalIgnoreCase)];

        // Longest first, so that a value containing another is replaced whole.
        Values = [.. values.OfType<string>().Where(v => v.Trim().Length >= RequestSecrets.MinimumLength).Distinct(StringComparer.Ordinal).OrderByDescending(v => v.Length)];
    }

    /// <summary>Gets the names of the request headers whose values are secret.</summary>
    public string[] HeaderNames { get; }

    /// <summary>Gets the fixed secret values, longest first.</summary>
    public string[] Values { get; }

    /// <summary>The secrets of one request: its credential headers' values and this client's fixed values.</summary>
    public RequestSecrets For(HttpRequestMessage? request) => new(this, request?.Headers);
}
