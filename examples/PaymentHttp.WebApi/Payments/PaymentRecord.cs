namespace PaymentHttp.WebApi.Payments;

/// <summary>What a provider said about one payment: its id and its status in the provider's own words.</summary>
internal sealed record PaymentRecord(string? TransactionId, string? ProviderStatus);
