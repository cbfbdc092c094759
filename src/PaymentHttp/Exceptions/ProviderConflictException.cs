namespace PaymentHttp;

/// <summary>
/// The request conflicts with the provider's state, for example a duplicate merchant reference or an order id already used. After a lost response this can mean the earlier attempt succeeded: reconcile, do not charge again.
/// </summary>
public sealed class ProviderConflictException : PaymentProviderException
{
    /// <summary>
    /// Initializes a new instance of the <see cref="ProviderConflictException"/> class.
    /// </summary>
    public ProviderConflictException()
        : this("The provider reported a conflict.")
    {
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="ProviderConflictException"/> class with a message.
    /// </summary>
    /// <param name="message">The exception message.</param>
    public ProviderConflictException(string message)
        : this(message, null)
    {
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="ProviderConflictException"/> class with a message and the exception that caused it.
    /// </summary>
    /// <param name="message">The exception message.</param>
    /// <param name="innerException">The exception that caused the failure, if any.</param>
    public ProviderConflictException(string message, Exception? innerException)
        : base(new ProviderError(PaymentErrorCategory.Conflict, message), message, innerException)
    {
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="ProviderConflictException"/> class from a classified error.
    /// </summary>
    /// <param name="error">The classified error; its category must be <see cref="PaymentErrorCategory.Conflict"/>.</param>
    public ProviderConflictException(ProviderError error)
        : this(error, null)
    {
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="ProviderConflictException"/> class from a classified error and the exception that caused it.
    /// </summary>
    /// <param name="error">The classified error; its category must be <see cref="PaymentErrorCategory.Conflict"/>.</param>
    /// <param name="innerException">The exception that caused the failure, if any.</param>
    public ProviderConflictException(ProviderError error, Exception? innerException)
        : base(RequireCategory(error, PaymentErrorCategory.Conflict), innerException)
    {
    }
}
