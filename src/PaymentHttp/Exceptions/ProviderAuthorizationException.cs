namespace PaymentHttp;

/// <summary>
/// The credentials are valid but not allowed to do this (permission, IP allow-list).
/// </summary>
public sealed class ProviderAuthorizationException : PaymentProviderException
{
    /// <summary>
    /// Initializes a new instance of the <see cref="ProviderAuthorizationException"/> class.
    /// </summary>
    public ProviderAuthorizationException()
        : this("The provider refused access.")
    {
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="ProviderAuthorizationException"/> class with a message.
    /// </summary>
    /// <param name="message">The exception message.</param>
    public ProviderAuthorizationException(string message)
        : this(message, null)
    {
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="ProviderAuthorizationException"/> class with a message and the exception that caused it.
    /// </summary>
    /// <param name="message">The exception message.</param>
    /// <param name="innerException">The exception that caused the failure, if any.</param>
    public ProviderAuthorizationException(string message, Exception? innerException)
        : base(new ProviderError(PaymentErrorCategory.Authorization, message), message, innerException)
    {
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="ProviderAuthorizationException"/> class from a classified error.
    /// </summary>
    /// <param name="error">The classified error; its category must be <see cref="PaymentErrorCategory.Authorization"/>.</param>
    public ProviderAuthorizationException(ProviderError error)
        : this(error, null)
    {
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="ProviderAuthorizationException"/> class from a classified error and the exception that caused it.
    /// </summary>
    /// <param name="error">The classified error; its category must be <see cref="PaymentErrorCategory.Authorization"/>.</param>
    /// <param name="innerException">The exception that caused the failure, if any.</param>
    public ProviderAuthorizationException(ProviderError error, Exception? innerException)
        : base(RequireCategory(error, PaymentErrorCategory.Authorization), innerException)
    {
    }
}
