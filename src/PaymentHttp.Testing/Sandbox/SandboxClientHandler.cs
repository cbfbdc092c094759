using System.Net.Http.Headers;

namespace PaymentHttp.Testing;

/// <summary>
/// The client side of a sandbox, for one provider: adds the sandbox's credentials the way the provider expects them
/// (only those the request does not carry already), and carries out planned <see cref="SandboxFault.Refuse"/>
/// faults by sending that attempt to a port that refuses connections. The request's address is restored after the
/// attempt, so a retry of the same message goes to the sandbox again.
/// </summary>
internal sealed class SandboxClientHandler : DelegatingHandler
{
    private readonly ProviderSimulator _simulator;
    private readonly Uri _providerBase;
    private readonly SandboxFaults _faults;
    private readonly RefusedEndpoint _refused;

    public SandboxClientHandler(ProviderSimulator simulator, Uri providerBase, SandboxFaults faults, RefusedEndpoint refused)
    {
        _simulator = simulator;
        _providerBase = providerBase;
        _faults = faults;
        _refused = refused;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        AddCredentials(request.Headers);
        var address = request.RequestUri;
        if (address is null || !await IsRefusedAsync(request, cancellationToken).ConfigureAwait(false))
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        request.RequestUri = _refused.Redirect(address);
        try
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            request.RequestUri = address;
        }
    }

    private async Task<bool> IsRefusedAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var provider = _simulator.Provider;
        if (!_faults.HasPendingRefusal(provider))
        {
            return false;
        }

        var view = await SandboxRequest.FromMessageAsync(request, _providerBase, cancellationToken).ConfigureAwait(false);
        return view is not null && _simulator.Parse(view).Reference is { } reference && _faults.TryTakeRefusal(provider, reference);
    }

    private void AddCredentials(HttpRequestHeaders headers)
    {
        switch (_simulator.Provider)
        {
            case PaymentProvider.Plutu:
                AddIfMissing(headers, "X-API-KEY", SandboxCredentials.PlutuApiKey);
                headers.Authorization ??= new AuthenticationHeaderValue("Bearer", SandboxCredentials.PlutuAccessToken);
                break;
            case PaymentProvider.PlexyPay:
                AddIfMissing(headers, "Authorization", SandboxCredentials.PlexyPayApiKey);
                break;
            case PaymentProvider.Paysafe:
                headers.Authorization ??= BasicCredentials.Header(SandboxCredentials.PaysafeKeyId, SandboxCredentials.PaysafeKeyPassword);
                break;
            case PaymentProvider.MakeCommerce:
                headers.Authorization ??= BasicCredentials.Header(SandboxCredentials.MakeCommerceShopId, SandboxCredentials.MakeCommerceSecretKey);
                break;
            case PaymentProvider.PagarStar:
                AddIfMissing(headers, SandboxCredentials.PagarStarMerchantIdHeader, SandboxCredentials.PagarStarMerchantId);
                break;
        }
    }

    private static void AddIfMissing(HttpRequestHeaders headers, string name, string value)
    {
        if (!headers.NonValidated.Contains(name))
        {
            headers.TryAddWithoutValidation(name, value);
        }
    }
}
