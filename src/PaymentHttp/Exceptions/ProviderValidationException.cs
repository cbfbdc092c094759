namespace PaymentHttp;

/// <summary>
/// The provider rejected the request as invalid; see <see cref="ProviderError.FieldErrors"/>. Final until the request changes.
/// </summary>
public sealed class ProviderValidationException : PaymentProviderException
{
    /// <summary>
    /// Initializes a new instance of the <see cref="ProviderValidationException"/> class.
    /// </summary>
    public ProviderValidationException()
        : this("The provider rejected the request as invalid.")
    {
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="ProviderValidationException"/> class with a message.
    /// </summary>
    /// <param name="message">The exception message.</param>
    public ProviderValidationException(string message)
        : this(message, null)
    {
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="ProviderValidationException"/> class with a message and the exception that caused it.
    /// </summary>
    /// <param name="message">The exception message.</param>
    /// <param name="innerException">The exception that caused the failure, if any.</param>
    public ProviderValidationException(string message, Exception? innerException)
        : base(new ProviderError(PaymentErrorCategory.InvalidRequest, message), message, innerException)
    {
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="ProviderValidationException"/> class from a classified error.
    /// </summary>
    /// <param name="error">The classified error; its category must be <see cref="PaymentErrorCategory.InvalidRequest"/>.</param>
    public ProviderValidationException(ProviderError error)
        : this(error, null)
    {
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="ProviderValidationException"/> class from a classified error and the exception that caused it.
    /// </summary>
    /// <param name="error">The classified error; its category must be <see cref="PaymentErrorCategory.InvalidRequest"/>.</param>
    /// <param name="innerException">The exception that caused the failure, if any.</param>
    public ProviderValidationException(ProviderError error, Exception? innerException)
        : base(RequireCategory(error, PaymentErrorCategory.InvalidRequest), innerException)
    {
    }
}
