namespace PaymentHttp;

/// <summary>
/// The addressed resource (transaction, payment, customer) does not exist at the provider.
/// </summary>
public sealed class ProviderNotFoundException : PaymentProviderException
{
    /// <summary>
    /// Initializes a new instance of the <see cref="ProviderNotFoundException"/> class.
    /// </summary>
    public ProviderNotFoundException()
        : this("The provider did not find the resource.")
    {
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="ProviderNotFoundException"/> class with a message.
    /// </summary>
    /// <param name="message">The exception message.</param>
    public ProviderNotFoundException(string message)
        : this(message, null)
    {
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="ProviderNotFoundException"/> class with a message and the exception that caused it.
    /// </summary>
    /// <param name="message">The exception message.</param>
    /// <param name="innerException">The exception that caused the failure, if any.</param>
    public ProviderNotFoundException(string message, Exception? innerException)
        : base(new ProviderError(PaymentErrorCategory.NotFound, message), message, innerException)
    {
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="ProviderNotFoundException"/> class from a classified error.
    /// </summary>
    /// <param name="error">The classified error; its category must be <see cref="PaymentErrorCategory.NotFound"/>.</param>
    public ProviderNotFoundException(ProviderError error)
        : this(error, null)
    {
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="ProviderNotFoundException"/> class from a classified error and the exception that caused it.
    /// </summary>
    /// <param name="error">The classified error; its category must be <see cref="PaymentErrorCategory.NotFound"/>.</param>
    /// <param name="innerException">The exception that caused the failure, if any.</param>
    public ProviderNotFoundException(ProviderError error, Exception? innerException)
        : base(RequireCategory(error, PaymentErrorCategory.NotFound), innerException)
    {
    }
}
