using System.Net;

namespace PaymentHttp;

/// <summary>
/// Replaces the body of a failed response once it has been classified: it carries the <see cref="ProviderError"/>
/// to the retry and circuit-breaker predicates and to the edge of <see cref="PaymentResilienceHandler"/>, and it
/// holds none of the original bytes, so no secret in an error body outlives classification.
/// </summary>
internal sealed class ProviderErrorContent : HttpContent
{
    public ProviderErrorContent(ProviderError error)
    {
        Error = error;
    }

    public ProviderError Error { get; }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => Task.CompletedTask;

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return true;
    }
}
