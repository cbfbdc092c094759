namespace PaymentHttp.WebApi.Credentials;

/// <summary>
/// PagarStar PTS: the merchant id as <c>X-Merchant-Id</c>, which the sandbox accepts. PTS proper reads
/// <c>merchant_id</c> (and its <c>sign</c>) from the encrypted body: put them there in the request code when you go live.
/// </summary>
internal sealed class PagarStarCredentialsHandler(string merchantId) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Remove("X-Merchant-Id");
        request.Headers.Add("X-Merchant-Id", merchantId);
        return base.SendAsync(request, cancellationToken);
    }
}
