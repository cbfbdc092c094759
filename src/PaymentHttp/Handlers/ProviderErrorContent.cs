using System.Net;

namespace PaymentHttp;

/// <summary>
/// Replaces the body of a failed response once it has been classified: it carries the <see cref="ProviderError"/>
/// to the retry and circuit-breaker predicates and to <see cref="ProviderExceptionHandler"/>, and it holds none
/// of the original bytes, so no secret in an error body outlives classification.
/// </summary>
internal sealed class ProviderErrorContent : HttpContent
{
    public ProviderErrorContent(ProviderError error)
    {
        Error = error;
    }

    public ProviderError Error { get; }

    /// <summary>Gets or sets how many HTTP attempts the call made; set by the resilience handler on the final response.</summary>
    public int Attempts { get; set; } = 1;

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => Task.CompletedTask;

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return true;
    }
}
