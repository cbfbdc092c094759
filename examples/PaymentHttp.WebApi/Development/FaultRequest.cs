namespace PaymentHttp.WebApi.Development;

/// <summary>One fault for one attempt, in the body of <c>POST /sandbox/faults</c>.</summary>
/// <param name="Kind">A <c>SandboxFaultKind</c> name: None, Refuse, ResetBeforeProcessing, ResetAfterCharging, Delay, TooManyRequests, ServiceUnavailable, ServerErrorAfterCharging, ProviderError, MalformedBody, TruncatedBody.</param>
/// <param name="Seconds">Delay: how long the sandbox holds the response; omitted, until the client gives up.</param>
/// <param name="RetryAfterSeconds">TooManyRequests: the <c>Retry-After</c> to send; omitted, none.</param>
/// <param name="Code">ProviderError: the provider's code, as it sends it (<c>3009</c>, <c>INSUFFICIENT_BALANCE</c>).</param>
/// <param name="Status">ProviderError: the HTTP status to send; omitted, the provider's usual one for that code.</param>
public sealed record FaultRequest(string? Kind, double? Seconds = null, double? RetryAfterSeconds = null, string? Code = null, int? Status = null);
