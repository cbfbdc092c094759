namespace PaymentHttp;

/// <summary>
/// The settings of one payment-provider client. Bind them from configuration or set them in the
/// <c>AddPaymentProviderClient</c> callback; they are validated when the host starts (or when the client is first
/// created), with an error that names the bad setting and the allowed range.
/// </summary>
public sealed class PaymentProviderClientOptions
{
    /// <summary>The default for <see cref="MaxErrorBodyBytes"/>: 64 KiB.</summary>
    public const int DefaultMaxErrorBodyBytes = 64 * 1024;

    /// <summary>
    /// Gets or sets the provider's API base address, assigned to <see cref="HttpClient.BaseAddress"/>.
    /// Must be an absolute http or https URI when set. Default: <see langword="null"/> (leave the client's as it is).
    /// </summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>Gets the retry settings.</summary>
    public PaymentRetryOptions Retry { get; } = new();

    /// <summary>Gets the circuit-breaker settings.</summary>
    public PaymentCircuitBreakerOptions CircuitBreaker { get; } = new();

    /// <summary>Gets the client-side rate budget (token bucket and shared back-off); off by default.</summary>
    public PaymentRateLimitOptions RateLimit { get; } = new();

    /// <summary>
    /// Gets or sets how long one HTTP attempt may take. A timed-out payment POST may have been processed, so it
    /// ends in <see cref="ProviderOutcomeUnknownException"/> unless the request is safe to repeat.
    /// Allowed: 10 ms to one day, or <see cref="Timeout.InfiniteTimeSpan"/> for none. Default: 30 seconds.
    /// </summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Gets or sets how long a call may take across all attempts and waits. A retry whose wait would end past it is
    /// not started. Allowed: 10 ms to one day and not less than <see cref="AttemptTimeout"/>, or
    /// <see cref="Timeout.InfiniteTimeSpan"/> for none. Default: 90 seconds.
    /// </summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(90);

    /// <summary>
    /// Gets or sets how many bytes of an error body are read for classification; the rest is never read.
    /// Allowed: 1 KiB to 16 MiB. Default: 64 KiB.
    /// </summary>
    public int MaxErrorBodyBytes { get; set; } = DefaultMaxErrorBodyBytes;

    /// <summary>
    /// Gets or sets the name of the request header that carries the provider's idempotency key. A request that
    /// carries it is safe to repeat, so failures the provider may have acted on are retried for it. Must be a valid
    /// header name when set. Default: the provider's own header (<c>Idempotency-Key</c> for PlexyPay), otherwise
    /// <see langword="null"/>.
    /// </summary>
    public string? IdempotencyKeyHeader { get; set; }

    /// <summary>
    /// Gets extra or replacement meanings for provider error codes, which win over the built-in table: for example
    /// <c>ErrorCodes["WALLET_LOCKED"] = PaymentErrorCategory.Declined</c> for a Plutu code PaymentHttp does not know,
    /// or <c>"ErrorCodes": { "WALLET_LOCKED": "Declined" }</c> in configuration. Codes compare case-insensitively.
    /// The retry safety follows the category: RateLimited is retried for any request, Transient and
    /// OutcomeUnknown only for requests that are safe to repeat, everything else never.
    /// </summary>
    public IDictionary<string, PaymentErrorCategory> ErrorCodes { get; } =
        new Dictionary<string, PaymentErrorCategory>(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Gets the names of further request headers whose values are secret (for example a provider's
    /// <c>X-Shop-Token</c>), or <c>"SensitiveHeaders": [ "X-Shop-Token" ]</c> in configuration. Whatever a request
    /// carried in them is redacted by value from everything PaymentHttp reports, as the credential headers every
    /// provider uses (<c>Authorization</c>, <c>X-API-KEY</c>, ...) always are. Each must be a valid header name.
    /// </summary>
    public IList<string> SensitiveHeaders { get; } = new List<string>();
}
