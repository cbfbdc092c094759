using System.Net.Http.Headers;
using System.Text;

namespace PaymentHttp.WebApi.Credentials;

/// <summary>MakeCommerce: <c>Authorization: Basic base64(shopId:secretKey)</c>, with the secret (level 2) key.</summary>
internal sealed class MakeCommerceCredentialsHandler(string shopId, string secretKey) : DelegatingHandler
{
    private readonly AuthenticationHeaderValue _authorization =
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(shopId + ":" + secretKey)));

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = _authorization;
        return base.SendAsync(request, cancellationToken);
    }
}
