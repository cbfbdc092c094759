using System.Net.Http.Headers;

namespace PaymentHttp.WebApi.Credentials;

/// <summary>Plutu: <c>X-API-KEY</c> and <c>Authorization: Bearer &lt;access token&gt;</c> on every request.</summary>
internal sealed class PlutuCredentialsHandler(string apiKey, string accessToken) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Remove("X-API-KEY");
        request.Headers.Add("X-API-KEY", apiKey);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return base.SendAsync(request, cancellationToken);
    }
}
