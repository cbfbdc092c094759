namespace PaymentHttp;

/// <summary>
/// The provider declined the payment (card, issuer, wallet or risk rules). Final: retrying the same payment will not succeed.
/// </summary>
public sealed class ProviderDeclinedException : PaymentProviderException
{
    /// <summary>
    /// Initializes a new instance of the <see cref="ProviderDeclinedException"/> class.
    /// </summary>
    public ProviderDeclinedException()
        : this("The provider declined the payment.")
    {
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="ProviderDeclinedException"/> class with a message.
    /// </summary>
    /// <param name="message">The exception message.</param>
    public ProviderDeclinedException(string message)
        : this(message, null)
    {
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="ProviderDeclinedException"/> class with a message and the exception that caused it.
    /// </summary>
    /// <param name="message">The exception message.</param>
    /// <param name="innerException">The exception that caused the failure, if any.</param>
    public ProviderDeclinedException(string message, Exception? innerException)
        : base(new ProviderError(PaymentErrorCategory.Declined, message), message, innerException)
    {
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="ProviderDeclinedException"/> class from a classified error.
    /// </summary>
    /// <param name="error">The classified error; its category must be <see cref="PaymentErrorCategory.Declined"/>.</param>
    public ProviderDeclinedException(ProviderError error)
        : this(error, null)
    {
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="ProviderDeclinedException"/> class from a classified error and the exception that caused it.
    /// </summary>
    /// <param name="error">The classified error; its category must be <see cref="PaymentErrorCategory.Declined"/>.</param>
    /// <param name="innerException">The exception that caused the failure, if any.</param>
    public ProviderDeclinedException(ProviderError error, Exception? innerException)
        : base(RequireCategory(error, PaymentErrorCategory.Declined), innerException)
    {
    }
}
