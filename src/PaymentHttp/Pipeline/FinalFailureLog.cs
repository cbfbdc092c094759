using Microsoft.Extensions.Logging;

namespace PaymentHttp;

/// <summary>Chooses the log entry of a call's final failure by its category (the table in README, "Observability").</summary>
internal static class FinalFailureLog
{
    /// <summary>
    /// Logs a call's final failure at the level of who must act: nobody (the caller handles a refusal), the on-call
    /// engineer watching the provider (outages, throttling, unrecognised answers), someone who reconciles (an unknown
    /// outcome), or someone who must fix this service's set-up (credentials, account configuration).
    /// </summary>
    public static void Write(ILogger logger, string clientName, string provider, ProviderError error, string category, int attempts)
    {
        var status = (int?)error.StatusCode;
        switch (error.Category)
        {
            case PaymentErrorCategory.Declined:
            case PaymentErrorCategory.InvalidRequest:
            case PaymentErrorCategory.NotFound:
            case PaymentErrorCategory.Conflict:
                PaymentHttpLog.CallRefused(logger, clientName, provider, category, status, error.Code, attempts, error.Message);
                break;
            case PaymentErrorCategory.OutcomeUnknown:
                PaymentHttpLog.OutcomeUnknown(logger, clientName, provider, status, error.Code, attempts, error.Message);
                break;
            case PaymentErrorCategory.Transient:
            case PaymentErrorCategory.RateLimited:
                PaymentHttpLog.ProviderUnavailable(logger, clientName, provider, category, status, error.Code, attempts, error.Message);
                break;
            case PaymentErrorCategory.Unknown:
                PaymentHttpLog.AnswerNotRecognised(logger, clientName, provider, status, error.Code, attempts, error.Message);
                break;
            default: // Authentication, Authorization, Configuration: every payment fails until someone fixes the set-up.
                PaymentHttpLog.CallFailed(logger, clientName, provider, category, status, error.Code, attempts, error.Message);
                break;
        }
    }
}
