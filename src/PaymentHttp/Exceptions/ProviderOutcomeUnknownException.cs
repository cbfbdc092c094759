namespace PaymentHttp;

/// <summary>
/// The provider may or may not have processed the request: a server error, a timeout or a connection dropped after the request was sent. The request was not retried because that could move money twice. Reconcile by your merchant reference before trying again.
/// </summary>
public sealed class ProviderOutcomeUnknownException : PaymentProviderException
{
    /// <summary>
    /// Initializes a new instance of the <see cref="ProviderOutcomeUnknownException"/> class.
    /// </summary>
    public ProviderOutcomeUnknownException()
        : this("The provider may or may not have processed the request.")
    {
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="ProviderOutcomeUnknownException"/> class with a message.
    /// </summary>
    /// <param name="message">The exception message.</param>
    public ProviderOutcomeUnknownException(string message)
        : this(message, null)
    {
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="ProviderOutcomeUnknownException"/> class with a message and the exception that caused it.
    /// </summary>
    /// <param name="message">The exception message.</param>
    /// <param name="innerException">The exception that caused the failure, if any.</param>
    public ProviderOutcomeUnknownException(string message, Exception? innerException)
        : base(new ProviderError(PaymentErrorCategory.OutcomeUnknown, message), message, innerException)
    {
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="ProviderOutcomeUnknownException"/> class from a classified error.
    /// </summary>
    /// <param name="error">The classified error; its category must be <see cref="PaymentErrorCategory.OutcomeUnknown"/>.</param>
    public ProviderOutcomeUnknownException(ProviderError error)
        : this(error, null)
    {
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="ProviderOutcomeUnknownException"/> class from a classified error and the exception that caused it.
    /// </summary>
    /// <param name="error">The classified error; its category must be <see cref="PaymentErrorCategory.OutcomeUnknown"/>.</param>
    /// <param name="innerException">The exception that caused the failure, if any.</param>
    public ProviderOutcomeUnknownException(ProviderError error, Exception? innerException)
        : base(RequireCategory(error, PaymentErrorCategory.OutcomeUnknown), innerException)
    {
    }
}
