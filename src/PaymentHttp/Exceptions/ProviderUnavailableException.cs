namespace PaymentHttp;

/// <summary>
/// The provider was temporarily unable to serve the request and retries ran out, or the request was never sent (connection refused, name not resolved).
/// </summary>
public class ProviderUnavailableException : PaymentProviderException
{
    /// <summary>
    /// Initializes a new instance of the <see cref="ProviderUnavailableException"/> class.
    /// </summary>
    public ProviderUnavailableException()
        : this("The provider is temporarily unavailable.")
    {
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="ProviderUnavailableException"/> class with a message.
    /// </summary>
    /// <param name="message">The exception message.</param>
    public ProviderUnavailableException(string message)
        : this(message, null)
    {
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="ProviderUnavailableException"/> class with a message and the exception that caused it.
    /// </summary>
    /// <param name="message">The exception message.</param>
    /// <param name="innerException">The exception that caused the failure, if any.</param>
    public ProviderUnavailableException(string message, Exception? innerException)
        : base(new ProviderError(PaymentErrorCategory.Transient, message), message, innerException)
    {
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="ProviderUnavailableException"/> class from a classified error.
    /// </summary>
    /// <param name="error">The classified error; its category must be <see cref="PaymentErrorCategory.Transient"/>.</param>
    public ProviderUnavailableException(ProviderError error)
        : this(error, null)
    {
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="ProviderUnavailableException"/> class from a classified error and the exception that caused it.
    /// </summary>
    /// <param name="error">The classified error; its category must be <see cref="PaymentErrorCategory.Transient"/>.</param>
    /// <param name="innerException">The exception that caused the failure, if any.</param>
    public ProviderUnavailableException(ProviderError error, Exception? innerException)
        : base(RequireCategory(error, PaymentErrorCategory.Transient), innerException)
    {
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="ProviderUnavailableException"/> class for a derived type with its own message.
    /// </summary>
    /// <param name="error">The classified error; its category must be <see cref="PaymentErrorCategory.Transient"/>.</param>
    /// <param name="message">The exception message.</param>
    /// <param name="innerException">The exception that caused the failure, if any.</param>
    protected ProviderUnavailableException(ProviderError error, string message, Exception? innerException)
        : base(RequireCategory(error, PaymentErrorCategory.Transient), message, innerException)
    {
    }

    /// <summary>Gets how long the provider asked the caller to wait, or <see langword="null"/> when it did not say.</summary>
    public TimeSpan? RetryAfter => Error.RetryAfter;
}
