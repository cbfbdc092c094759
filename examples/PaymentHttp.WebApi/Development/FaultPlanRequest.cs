namespace PaymentHttp.WebApi.Development;

/// <summary>The body of <c>POST /sandbox/faults</c>: what the sandbox does to the next requests for one merchant reference.</summary>
/// <param name="Provider">The provider's name, as for <c>POST /checkout</c>.</param>
/// <param name="MerchantReference">The merchant reference the faults apply to (payments and lookups alike).</param>
/// <param name="Faults">One fault per attempt, in order; afterwards requests are handled normally. Empty removes the plan.</param>
public sealed record FaultPlanRequest(string? Provider, string? MerchantReference, IReadOnlyList<FaultRequest>? Faults);
