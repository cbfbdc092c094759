namespace PaymentHttp;

/// <summary>
/// The circuit breaker of one named client. It counts only failures that say the provider is in trouble
/// (transient, rate limited, outcome unknown, network failures); declines and other client errors never open it.
/// </summary>
public sealed class PaymentCircuitBreakerOptions
{
    /// <summary>Gets or sets a value indicating whether the circuit breaker is used. Default: <see langword="true"/>.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Gets or sets the share of counted failures among all attempts in <see cref="SamplingDuration"/> at which the
    /// circuit opens. Allowed: more than 0, up to 1. Default: 0.5.
    /// </summary>
    public double FailureRatio { get; set; } = 0.5;

    /// <summary>
    /// Gets or sets how many attempts must pass through within <see cref="SamplingDuration"/> before the ratio is
    /// acted on. Allowed: 2 or more. Default: 10.
    /// </summary>
    public int MinimumThroughput { get; set; } = 10;

    /// <summary>
    /// Gets or sets the window over which the failure ratio is measured. Allowed: 0.5 seconds to one day.
    /// Default: 60 seconds.
    /// </summary>
    public TimeSpan SamplingDuration { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Gets or sets how long the circuit stays open, failing calls fast with
    /// <see cref="ProviderCircuitOpenException"/>, before one trial call is let through.
    /// Allowed: 0.5 seconds to one day. Default: 30 seconds.
    /// </summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(30);
}
