using System.Globalization;
using System.Text;

namespace PaymentHttp;

/// <summary>
/// Builds the message of a <see cref="PaymentProviderException"/> from its error: who failed, what it means, the
/// HTTP status and code, and the provider's own words.
/// </summary>
internal static class ProviderErrorMessage
{
    public static string For(ProviderError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var text = new StringBuilder(128);
        text.Append(error.Provider?.ToString() ?? "The provider").Append(' ').Append(Phrase(error.Category));

        var hasStatus = error.StatusCode is not null;
        if (hasStatus || error.Code is not null)
        {
            text.Append(" (");
            if (error.StatusCode is { } status)
            {
                text.Append("HTTP ").Append(((int)status).ToString(CultureInfo.InvariantCulture));
            }

            if (error.Code is not null)
            {
                text.Append(hasStatus ? ", " : string.Empty).Append("code '").Append(error.Code).Append('\'');
            }

            text.Append(')');
        }

        text.Append(": ").Append(error.Message); // errors the pipeline builds are redacted by ProviderErrorRedactor
        if (error.RetryAfter is { } retryAfter)
        {
            text.Append(" Retry after ")
                .Append(retryAfter.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture))
                .Append(" s.");
        }

        return text.ToString();
    }

    public static string Phrase(PaymentErrorCategory category) => category switch
    {
        PaymentErrorCategory.Declined => "declined the payment",
        PaymentErrorCategory.InvalidRequest => "rejected the request as invalid",
        PaymentErrorCategory.Authentication => "rejected the credentials",
        PaymentErrorCategory.Authorization => "refused access",
        PaymentErrorCategory.NotFound => "did not find the resource",
        PaymentErrorCategory.Conflict => "reported a conflict",
        PaymentErrorCategory.RateLimited => "throttled the request",
        PaymentErrorCategory.Transient => "is temporarily unavailable",
        PaymentErrorCategory.OutcomeUnknown => "may or may not have processed the request; reconcile by merchant reference before trying again",
        PaymentErrorCategory.Configuration => "reported a merchant configuration problem",
        _ => "reported an unclassified error",
    };
}
