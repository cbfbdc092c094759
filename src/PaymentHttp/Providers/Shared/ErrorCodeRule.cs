namespace PaymentHttp;

/// <summary>What one provider error code means: its category and whether the request may be sent again.</summary>
internal readonly record struct ErrorCodeRule(PaymentErrorCategory Category, PaymentRetrySafety RetrySafety);
