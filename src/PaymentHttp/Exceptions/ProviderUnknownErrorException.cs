namespace PaymentHttp;

/// <summary>
/// The provider reported a failure that could not be placed in any other category.
/// </summary>
public sealed class ProviderUnknownErrorException : PaymentProviderException
{
    /// <summary>
    /// Initializes a new instance of the <see cref="ProviderUnknownErrorException"/> class.
    /// </summary>
    public ProviderUnknownErrorException()
        : this("The provider reported an unclassified error.")
    {
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="ProviderUnknownErrorException"/> class with a message.
    /// </summary>
    /// <param name="message">The exception message.</param>
    public ProviderUnknownErrorException(string message)
        : this(message, null)
    {
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="ProviderUnknownErrorException"/> class with a message and the exception that caused it.
    /// </summary>
    /// <param name="message">The exception message.</param>
    /// <param name="innerException">The exception that caused the failure, if any.</param>
    public ProviderUnknownErrorException(string message, Exception? innerException)
        : base(new ProviderError(PaymentErrorCategory.Unknown, message), message, innerException)
    {
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="ProviderUnknownErrorException"/> class from a classified error.
    /// </summary>
    /// <param name="error">The classified error; its category must be <see cref="PaymentErrorCategory.Unknown"/>.</param>
    public ProviderUnknownErrorException(ProviderError error)
        : this(error, null)
    {
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="ProviderUnknownErrorException"/> class from a classified error and the exception that caused it.
    /// </summary>
    /// <param name="error">The classified error; its category must be <see cref="PaymentErrorCategory.Unknown"/>.</param>
    /// <param name="innerException">The exception that caused the failure, if any.</param>
    public ProviderUnknownErrorException(ProviderError error, Exception? innerException)
        : base(RequireCategory(error, PaymentErrorCategory.Unknown), innerException)
    {
    }
}
