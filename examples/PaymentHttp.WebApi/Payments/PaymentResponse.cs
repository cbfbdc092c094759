namespace PaymentHttp.WebApi.Payments;

/// <summary>A payment as this API reports it.</summary>
/// <param name="Provider">The provider's name.</param>
/// <param name="MerchantReference">The merchant reference the payment was made with.</param>
/// <param name="Status"><c>approved</c> (201), <c>found</c> (200), or <c>unknown</c> (202: reconcile before charging again).</param>
/// <param name="TransactionId">The provider's id for the payment, when known.</param>
/// <param name="ProviderStatus">The provider's own status word, when it sent one.</param>
/// <param name="Links"><c>self</c>, or <c>reconcile</c> for an unknown outcome: where to look the payment up.</param>
/// <param name="Detail">What to do next, for an unknown outcome.</param>
public sealed record PaymentResponse(
    string Provider,
    string MerchantReference,
    string Status,
    string? TransactionId,
    string? ProviderStatus,
    IReadOnlyDictionary<string, string> Links,
    string? Detail = null);
