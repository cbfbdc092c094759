namespace PaymentHttp;

/// <summary>
/// Classifies by the HTTP status alone: the fallback every provider shares.
/// </summary>
internal sealed class HttpStatusClassifier : PaymentErrorClassifier
{
    public static readonly HttpStatusClassifier Instance = new();

    public override ProviderError? Classify(in ProviderResponse response) =>
        response.IsSuccessStatusCode ? null : ClassifyByStatus(response);
}
