namespace PaymentHttp;

/// <summary>
/// The source of randomness for backoff jitter, injectable so that tests can make delays exact.
/// </summary>
internal sealed class PaymentJitter
{
    public static readonly PaymentJitter Shared = new(Random.Shared.NextDouble);

    private readonly Func<double> _next;

    public PaymentJitter(Func<double> next)
    {
        _next = next;
    }

    /// <summary>Returns a value in [0, 1).</summary>
    public double Next() => _next();
}
