using System.Threading.RateLimiting;

namespace PaymentHttp;

/// <summary>
/// The lease the rate gate hands Polly: acquired, or refused with the wait as <see cref="MetadataName.RetryAfter"/>.
/// Nothing to dispose: a token bucket's permits are not given back.
/// </summary>
internal sealed class RateGateLease : RateLimitLease
{
    public static readonly RateGateLease Acquired = new(retryAfter: null);

    private static readonly string[] RetryAfterOnly = [MetadataName.RetryAfter.Name];

    private readonly TimeSpan? _retryAfter;

    public RateGateLease(TimeSpan? retryAfter)
    {
        _retryAfter = retryAfter;
    }

    public override bool IsAcquired => _retryAfter is null;

    public override IEnumerable<string> MetadataNames => _retryAfter is null ? [] : RetryAfterOnly;

    public override bool TryGetMetadata(string metadataName, out object? metadata)
    {
        if (_retryAfter is { } retryAfter && metadataName == MetadataName.RetryAfter.Name)
        {
            metadata = retryAfter;
            return true;
        }

        metadata = null;
        return false;
    }
}
