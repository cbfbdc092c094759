using System.Net;

namespace PaymentHttp;

/// <summary>
/// The base of every exception PaymentHttp throws for a provider failure. Catch a derived type to handle one
/// category (<see cref="ProviderDeclinedException"/>, <see cref="ProviderOutcomeUnknownException"/>, ...), or this
/// type to handle them all.
/// </summary>
/// <remarks>
/// It deliberately does not derive from <see cref="HttpRequestException"/>: generic resilience handlers treat that
/// type as transient and would retry a decline or a payment whose outcome is unknown.
/// </remarks>
public abstract class PaymentProviderException : Exception
{
    /// <summary>
    /// Initializes a new instance of the <see cref="PaymentProviderException"/> class from a classified error.
    /// </summary>
    /// <param name="error">The classified error.</param>
    /// <param name="innerException">The exception that caused the failure, if any.</param>
    protected PaymentProviderException(ProviderError error, Exception? innerException)
        : base(ProviderErrorMessage.For(error), innerException)
    {
        Error = error;
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="PaymentProviderException"/> class with an explicit message.
    /// </summary>
    /// <param name="error">The classified error.</param>
    /// <param name="message">The exception message.</param>
    /// <param name="innerException">The exception that caused the failure, if any.</param>
    protected PaymentProviderException(ProviderError error, string message, Exception? innerException)
        : base(message, innerException)
    {
        ArgumentNullException.ThrowIfNull(error);
        Error = error;
    }

    /// <summary>Gets the classified error: provider code, message, field errors, request id.</summary>
    public ProviderError Error { get; }

    /// <summary>Gets the provider that failed, or <see langword="null"/> for a provider registered with a custom classifier.</summary>
    public PaymentProvider? Provider => Error.Provider;

    /// <summary>Gets what the failure means for the caller.</summary>
    public PaymentErrorCategory Category => Error.Category;

    /// <summary>Gets the HTTP status of the final response, or <see langword="null"/> when no response arrived.</summary>
    public HttpStatusCode? StatusCode => Error.StatusCode;

    /// <summary>Gets the provider's own error code, or <see langword="null"/>: the same value as <see cref="ProviderError.Code"/> of <see cref="Error"/>.</summary>
    public string? ProviderCode => Error.Code;

    /// <summary>
    /// Gets how many HTTP attempts were made before this failure was final: 1 when nothing was retried, 0 when the
    /// request was never sent (for example because the circuit was open). Set once, when the pipeline creates the
    /// exception for the call's final failure.
    /// </summary>
    public int Attempts { get; internal init; }

    /// <summary>Checks that an error given to a typed exception has the category that exception stands for.</summary>
    /// <param name="error">The error.</param>
    /// <param name="expected">The category of the exception type.</param>
    /// <returns>The same error.</returns>
    private protected static ProviderError RequireCategory(ProviderError error, PaymentErrorCategory expected)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (error.Category != expected)
        {
            throw new ArgumentException(
                $"The error's category is {error.Category}, but this exception type stands for {expected}.",
                nameof(error));
        }

        return error;
    }
}
