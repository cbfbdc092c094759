namespace PaymentHttp;

/// <summary>Tag names and values of the rate gate's activity events.</summary>
internal static class PaymentRateLimitTelemetry
{
    /// <summary>Set on the call's activity (and its refusal event) when the gate refused locally: <c>budget</c> or <c>paused</c>.</summary>
    public const string RefusedTag = "payment.rate_limit.refused";
    public const string KeyTag = "payment.rate_limit.key";
    public const string WaitTag = "payment.rate_limit.wait_ms";
    public const string RetryAfterTag = "payment.rate_limit.retry_after_ms";

    public static string TagValue(PaymentRateRefusalReason reason) => reason switch
    {
        PaymentRateRefusalReason.Budget => "budget",
        PaymentRateRefusalReason.Paused => "paused",
        _ => "none",
    };
}
