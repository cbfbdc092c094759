using PaymentHttp.Demo.Providers;
using PaymentHttp.Testing;

namespace PaymentHttp.Demo.Scenarios;

/// <summary>What a scenario works with: one provider's client, and the sandbox to script faults and check the ledger.</summary>
internal sealed class ScenarioContext
{
    public ScenarioContext(PaymentProvider provider, HttpClient client, ProviderSandbox sandbox)
    {
        Provider = provider;
        Client = client;
        Sandbox = sandbox;
    }

    public PaymentProvider Provider { get; }

    public HttpClient Client { get; }

    public ProviderSandbox Sandbox { get; }

    /// <summary>Gets how many requests to this provider have reached the sandbox so far.</summary>
    public int Requests => Sandbox.RequestCount(Provider);

    /// <summary>A merchant reference no other payment uses (order id, invoice number...).</summary>
    public static string NewReference(string scenario) => $"demo-{scenario}-{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>How many times the sandbox charged the reference.</summary>
    public int Charges(string reference) => Sandbox.Ledger.ChargeCount(Provider, reference);

    /// <summary>Sends an ordinary payment (or, with <paramref name="amount"/>, a chosen amount) through the PaymentHttp client.</summary>
    public Task<HttpResponseMessage> PayAsync(string reference, CancellationToken cancellationToken, decimal? amount = null) =>
        Client.SendAsync(ProviderRequests.Payment(Provider, reference, amount ?? ProviderRequests.OrdinaryAmount(Provider)), cancellationToken);

    /// <summary>Looks a payment up by its merchant reference through the same client.</summary>
    public Task<HttpResponseMessage> LookupAsync(string reference, CancellationToken cancellationToken) =>
        Client.SendAsync(ProviderRequests.Lookup(Provider, reference), cancellationToken);

    /// <summary>"charged once", "not charged", "charged 2 times".</summary>
    public static string Charged(int charges) => charges switch
    {
        0 => "not charged",
        1 => "charged once",
        _ => $"charged {charges} times",
    };
}
