using PaymentHttp.Testing;
using PaymentHttp.WebApi.Credentials;

namespace PaymentHttp.WebApi.Providers;

/// <summary>
/// One PaymentHttp client per configured provider, named after it and bound from <c>PaymentProviders:&lt;Name&gt;</c>
/// (validated when the app starts: a bad value stops it with a message that names the setting).
/// </summary>
internal static class ProviderClients
{
    public static ConfiguredProviders Register(WebApplicationBuilder builder, ProviderSandbox? sandbox)
    {
        var configured = new List<PaymentProvider>();
        foreach (var provider in Enum.GetValues<PaymentProvider>())
        {
            var section = builder.Configuration.GetSection($"PaymentProviders:{provider}");
            if (string.IsNullOrEmpty(section["BaseAddress"]))
            {
                continue; // this deployment does not use the provider
            }

            var client = builder.Services.AddPaymentProviderClient(provider.ToString(), provider, section);

            // Credentials are added after PaymentHttp's handlers, so they are on every attempt, retries included.
            if (sandbox is not null)
            {
                client.AddHttpMessageHandler(() => sandbox.CredentialsHandler(provider));
            }
            else
            {
                ProviderCredentials.Add(client, provider, builder.Configuration.GetSection($"PaymentCredentials:{provider}"));
            }

            configured.Add(provider);
        }

        if (configured.Count == 0)
        {
            throw new InvalidOperationException(
                "No payment provider is configured. Set \"UseSandbox\": true to use the in-process sandbox, or give " +
                "PaymentProviders:<Name>:BaseAddress and the provider's PaymentCredentials:<Name> keys (README, \"Examples\").");
        }

        return new ConfiguredProviders(configured);
    }
}
