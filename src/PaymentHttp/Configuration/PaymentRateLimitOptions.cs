namespace PaymentHttp;

/// <summary>
/// The client-side rate budget of one named client: a token bucket checked before every attempt leaves, so the
/// client stays under the provider's rate limit instead of discovering it with 429s. Off by default.
/// </summary>
/// <remarks>
/// Every client (and, with a shared <see cref="PaymentRateBudget"/> such as PaymentHttp.Redis, every instance)
/// that names the same <see cref="Key"/> draws from one budget and honours one back-off: when the provider answers
/// 429, or a "come back later" code (a failure it certainly did not act on, classified RateLimited or Transient with
/// <see cref="PaymentRetrySafety.Always"/>), the key is paused for the provider's <c>Retry-After</c>, or
/// <see cref="DefaultPause"/> when it gave none.
/// </remarks>
public sealed class PaymentRateLimitOptions
{
    /// <summary>Gets or sets a value indicating whether the rate budget is enforced. Default: <see langword="false"/>.</summary>
    public bool Enabled { get; set; }

    /// <summary>
    /// Gets or sets how many requests may leave per <see cref="Period"/> on average (the refill rate).
    /// Allowed: 1 to 1,000,000. Default: 10.
    /// </summary>
    public int PermitsPerPeriod { get; set; } = 10;

    /// <summary>Gets or sets the period <see cref="PermitsPerPeriod"/> refers to. Allowed: 10 ms to one day. Default: 1 second.</summary>
    public TimeSpan Period { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Gets or sets how many requests may leave at once after a quiet spell (the bucket's capacity).
    /// Allowed: 1 to 1,000,000, or <see langword="null"/> for <see cref="PermitsPerPeriod"/>. Default: <see langword="null"/>.
    /// </summary>
    public int? Burst { get; set; }

    /// <summary>
    /// Gets or sets how long one attempt may wait for a permit (or for a pause to end) before it is refused with
    /// <see cref="ProviderRateLimitedException"/>; the wait never runs past the call's <c>TotalTimeout</c>.
    /// <see cref="TimeSpan.Zero"/> refuses at once. Allowed: zero to one day. Default: 2 seconds.
    /// </summary>
    public TimeSpan MaxWait { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Gets or sets the budget's name. Clients and instances that use the same key share one budget and one back-off,
    /// so name the provider and the merchant account the limit belongs to, for example <c>"plutu:merchant-4711"</c>.
    /// At most 200 characters. Default: <see langword="null"/>, meaning <c>"&lt;provider&gt;:&lt;client name&gt;"</c>
    /// (for example <c>"plutu:checkout"</c>; <c>"custom:&lt;client name&gt;"</c> for a custom classifier).
    /// </summary>
    public string? Key { get; set; }

    /// <summary>
    /// Gets or sets how long the key is paused after a "come back later" answer that carries no <c>Retry-After</c>
    /// (for example PagarStar 8001, PlexyPay code 1, Paysafe 1200). Allowed: more than zero, up to
    /// <see cref="MaxPause"/>. Default: 1 second.
    /// </summary>
    public TimeSpan DefaultPause { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Gets or sets the longest pause one answer can impose on the key, so a provider's very long <c>Retry-After</c>
    /// cannot stop the whole fleet for hours. Allowed: more than zero, up to one day. Default: 5 minutes.
    /// </summary>
    public TimeSpan MaxPause { get; set; } = TimeSpan.FromMinutes(5);
}
