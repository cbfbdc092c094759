using PaymentHttp.Testing;

namespace PaymentHttp.Fleet.Worker;

/// <summary>
/// Puts the sandbox's PlexyPay key on every attempt. A worker runs in its own process, without the sandbox object and
/// its <c>CredentialsHandler</c>, so it adds the credentials as a real deployment would.
/// </summary>
internal sealed class PlexyPaySandboxCredentials : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // A retry sends the same request message again: set the key once, never append a second value.
        if (!request.Headers.Contains("Authorization"))
        {
            request.Headers.TryAddWithoutValidation("Authorization", SandboxCredentials.PlexyPayApiKey);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
