using Polly;

namespace PaymentHttp;

/// <summary>The (empty) options Polly asks for when <see cref="PaymentBackoffRecorder"/> is added to a pipeline.</summary>
internal sealed class PaymentBackoffRecorderOptions : ResilienceStrategyOptions
{
    public PaymentBackoffRecorderOptions()
    {
        Name = "RateLimitBackoff";
    }
}
