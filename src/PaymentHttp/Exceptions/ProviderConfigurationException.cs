namespace PaymentHttp;

/// <summary>
/// The merchant account or integration is not configured for this operation (shop not active, gateway not enabled, keys missing).
/// </summary>
public sealed class ProviderConfigurationException : PaymentProviderException
{
    /// <summary>
    /// Initializes a new instance of the <see cref="ProviderConfigurationException"/> class.
    /// </summary>
    public ProviderConfigurationException()
        : this("The provider reported a merchant configuration problem.")
    {
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="ProviderConfigurationException"/> class with a message.
    /// </summary>
    /// <param name="message">The exception message.</param>
    public ProviderConfigurationException(string message)
        : this(message, null)
    {
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="ProviderConfigurationException"/> class with a message and the exception that caused it.
    /// </summary>
    /// <param name="message">The exception message.</param>
    /// <param name="innerException">The exception that caused the failure, if any.</param>
    public ProviderConfigurationException(string message, Exception? innerException)
        : base(new ProviderError(PaymentErrorCategory.Configuration, message), message, innerException)
    {
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="ProviderConfigurationException"/> class from a classified error.
    /// </summary>
    /// <param name="error">The classified error; its category must be <see cref="PaymentErrorCategory.Configuration"/>.</param>
    public ProviderConfigurationException(ProviderError error)
        : this(error, null)
    {
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="ProviderConfigurationException"/> class from a classified error and the exception that caused it.
    /// </summary>
    /// <param name="error">The classified error; its category must be <see cref="PaymentErrorCategory.Configuration"/>.</param>
    /// <param name="innerException">The exception that caused the failure, if any.</param>
    public ProviderConfigurationException(ProviderError error, Exception? innerException)
        : base(RequireCategory(error, PaymentErrorCategory.Configuration), innerException)
    {
    }
}
