namespace PaymentHttp.IntegrationTests.Chaos;

/// <summary>
/// What the provider reference (docs/providers.md) says one HTTP attempt's answer means, before the request's own
/// safety applies: a success (<see cref="Category"/> <see langword="null"/>), or a failure with its category, its
/// retry safety and the <c>Retry-After</c> it carried.
/// </summary>
public readonly record struct AttemptVerdict(PaymentErrorCategory? Category, PaymentRetrySafety Safety, TimeSpan? RetryAfter = null, bool BodyUnreadable = false)
{
    public static AttemptVerdict Success { get; } = new(null, PaymentRetrySafety.Never);

    /// <summary>A 2xx whose body is not valid JSON: passed through to the caller as it came.</summary>
    public static AttemptVerdict SuccessWithUnreadableBody { get; } = new(null, PaymentRetrySafety.Never, BodyUnreadable: true);

    /// <summary>No usable answer although the provider may have acted: reset, timeout, body broken off.</summary>
    public static AttemptVerdict MayHaveBeenProcessed { get; } = new(PaymentErrorCategory.OutcomeUnknown, PaymentRetrySafety.SafeOnly);

    /// <summary>The connection was refused: the request was never sent.</summary>
    public static AttemptVerdict NotSent { get; } = new(PaymentErrorCategory.Transient, PaymentRetrySafety.Always);

    public bool IsSuccess => Category is null;

    public static AttemptVerdict Final(PaymentErrorCategory category) => new(category, PaymentRetrySafety.Never);

    public static AttemptVerdict SafeOnly(PaymentErrorCategory category) => new(category, PaymentRetrySafety.SafeOnly);

    public static AttemptVerdict Always(PaymentErrorCategory category) => new(category, PaymentRetrySafety.Always);

    public AttemptVerdict WithRetryAfter(TimeSpan? retryAfter) => this with { RetryAfter = retryAfter };

    public override string ToString() => IsSuccess
        ? BodyUnreadable ? "success (unreadable body)" : "success"
        : RetryAfter is { } after ? $"{Category}/{Safety} (Retry-After {after.TotalSeconds:0.#} s)" : $"{Category}/{Safety}";
}
