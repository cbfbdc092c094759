namespace PaymentHttp.Testing;

/// <summary>Per provider: how many requests reached the server, whether the provider is in an outage, and its rate limit. Lock-free.</summary>
internal sealed class SandboxTraffic
{
    private readonly int[] _requests = new int[Enum.GetValues<PaymentProvider>().Length];
    private readonly int[] _outages = new int[Enum.GetValues<PaymentProvider>().Length];
    private readonly ProviderRateLimit?[] _rateLimits = new ProviderRateLimit?[Enum.GetValues<PaymentProvider>().Length];

    public void CountRequest(PaymentProvider provider) => Interlocked.Increment(ref _requests[(int)provider]);

    public int Requests(PaymentProvider provider) => Volatile.Read(ref _requests[(int)provider]);

    public void SetOutage(PaymentProvider provider, bool down) => Volatile.Write(ref _outages[(int)provider], down ? 1 : 0);

    public bool IsDown(PaymentProvider provider) => Volatile.Read(ref _outages[(int)provider]) != 0;

    public void SetRateLimit(PaymentProvider provider, ProviderRateLimit? limit) => Volatile.Write(ref _rateLimits[(int)provider], limit);

    public ProviderRateLimit? RateLimit(PaymentProvider provider) => Volatile.Read(ref _rateLimits[(int)provider]);
}
