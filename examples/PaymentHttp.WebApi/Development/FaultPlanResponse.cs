namespace PaymentHttp.WebApi.Development;

/// <summary>The plan the sandbox now holds for a merchant reference.</summary>
/// <param name="Provider">The provider.</param>
/// <param name="MerchantReference">The merchant reference.</param>
/// <param name="Planned">The faults, one per coming attempt, as the sandbox describes them.</param>
public sealed record FaultPlanResponse(string Provider, string MerchantReference, IReadOnlyList<string> Planned);
