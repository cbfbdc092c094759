using System.Net.Http.Headers;
using System.Text;

namespace PaymentHttp.WebApi.Credentials;

/// <summary>Paysafe: <c>Authorization: Basic base64(keyId:keyPassword)</c>.</summary>
internal sealed class PaysafeCredentialsHandler(string keyId, string keyPassword) : DelegatingHandler
{
    private readonly AuthenticationHeaderValue _authorization =
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(keyId + ":" + keyPassword)));

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = _authorization;
        return base.SendAsync(request, cancellationToken);
    }
}
