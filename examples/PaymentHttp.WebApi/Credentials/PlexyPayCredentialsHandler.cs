namespace PaymentHttp.WebApi.Credentials;

/// <summary>PlexyPay: the API key itself as <c>Authorization</c>, without a scheme.</summary>
internal sealed class PlexyPayCredentialsHandler(string apiKey) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Remove("Authorization");
        request.Headers.TryAddWithoutValidation("Authorization", apiKey); // no scheme, so not an AuthenticationHeaderValue
        return base.SendAsync(request, cancellationToken);
    }
}
