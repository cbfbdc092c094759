namespace PaymentHttp;

/// <summary>
/// The provider rejected the credentials (missing, wrong or expired API key, token or signature).
/// </summary>
public sealed class ProviderAuthenticationException : PaymentProviderException
{
    /// <summary>
    /// Initializes a new instance of the <see cref="ProviderAuthenticationException"/> class.
    /// </summary>
    public ProviderAuthenticationException()
        : this("The provider rejected the credentials.")
    {
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="ProviderAuthenticationException"/> class with a message.
    /// </summary>
    /// <param name="message">The exception message.</param>
    public ProviderAuthenticationException(string message)
        : this(message, null)
    {
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="ProviderAuthenticationException"/> class with a message and the exception that caused it.
    /// </summary>
    /// <param name="message">The exception message.</param>
    /// <param name="innerException">The exception that caused the failure, if any.</param>
    public ProviderAuthenticationException(string message, Exception? innerException)
        : base(new ProviderError(PaymentErrorCategory.Authentication, message), message, innerException)
    {
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="ProviderAuthenticationException"/> class from a classified error.
    /// </summary>
    /// <param name="error">The classified error; its category must be <see cref="PaymentErrorCategory.Authentication"/>.</param>
    public ProviderAuthenticationException(ProviderError error)
        : this(error, null)
    {
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="ProviderAuthenticationException"/> class from a classified error and the exception that caused it.
    /// </summary>
    /// <param name="error">The classified error; its category must be <see cref="PaymentErrorCategory.Authentication"/>.</param>
    /// <param name="innerException">The exception that caused the failure, if any.</param>
    public ProviderAuthenticationException(ProviderError error, Exception? innerException)
        : base(RequireCategory(error, PaymentErrorCategory.Authentication), innerException)
    {
    }
}
