namespace PaymentHttp.IntegrationTests.BadInput;

/// <summary>One generated response, with what is needed to find it again: provider, index (and the run's seed), kind and status.</summary>
public sealed record GeneratedResponse(
    PaymentProvider Provider,
    int Index,
    MalformedResponseKind Kind,
    int Status,
    bool StatusLineValid,
    string Description,
    RawResponse Response)
{
    public override string ToString() => $"{Provider} #{Index}: {Description}";
}
