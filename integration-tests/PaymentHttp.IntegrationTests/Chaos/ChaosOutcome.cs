namespace PaymentHttp.IntegrationTests.Chaos;

/// <summary>
/// How one chaos payment ended, in terms both the oracle and the run can state: the outcome (<c>Success</c>,
/// <c>SuccessWithUnreadableBody</c> or the exception type's name), how many times the reference was charged, how many
/// HTTP attempts were made and how many planned faults they took.
/// </summary>
public sealed record ChaosOutcome(string Outcome, int Charges, int Attempts, int FaultsTaken)
{
    public const string Success = "Success";
    public const string SuccessWithUnreadableBody = "SuccessWithUnreadableBody";

    public bool IsSuccess => Outcome is Success or SuccessWithUnreadableBody;

    /// <summary>The exception PaymentHttp throws for a final category (the one factory rule the oracle relies on).</summary>
    public static string ExceptionFor(PaymentErrorCategory category) => category switch
    {
        PaymentErrorCategory.Declined => nameof(ProviderDeclinedException),
        PaymentErrorCategory.InvalidRequest => nameof(ProviderValidationException),
        PaymentErrorCategory.Authentication => nameof(ProviderAuthenticationException),
        PaymentErrorCategory.Authorization => nameof(ProviderAuthorizationException),
        PaymentErrorCategory.NotFound => nameof(ProviderNotFoundException),
        PaymentErrorCategory.Conflict => nameof(ProviderConflictException),
        PaymentErrorCategory.RateLimited => nameof(ProviderRateLimitedException),
        PaymentErrorCategory.Transient => nameof(ProviderUnavailableException),
        PaymentErrorCategory.OutcomeUnknown => nameof(ProviderOutcomeUnknownException),
        PaymentErrorCategory.Configuration => nameof(ProviderConfigurationException),
        _ => nameof(ProviderUnknownErrorException),
    };

    public override string ToString() => $"{Outcome}, charged {Charges}x, {Attempts} attempt(s), {FaultsTaken} fault(s) taken";
}
