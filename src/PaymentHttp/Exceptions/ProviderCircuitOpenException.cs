namespace PaymentHttp;

/// <summary>
/// The circuit breaker of this client is open after too many transient failures: the request was not sent.
/// <see cref="ProviderUnavailableException.RetryAfter"/> is the remaining break time.
/// </summary>
public sealed class ProviderCircuitOpenException : ProviderUnavailableException
{
    private const string DefaultMessage = "The circuit breaker is open; the request was not sent.";

    /// <summary>
    /// Initializes a new instance of the <see cref="ProviderCircuitOpenException"/> class.
    /// </summary>
    public ProviderCircuitOpenException()
        : this(DefaultMessage)
    {
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="ProviderCircuitOpenException"/> class with a message.
    /// </summary>
    /// <param name="message">The exception message.</param>
    public ProviderCircuitOpenException(string message)
        : this(message, null)
    {
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="ProviderCircuitOpenException"/> class with a message and the exception that caused it.
    /// </summary>
    /// <param name="message">The exception message.</param>
    /// <param name="innerException">The exception that caused the failure, if any.</param>
    public ProviderCircuitOpenException(string message, Exception? innerException)
        : base(new ProviderError(PaymentErrorCategory.Transient, message) { RetrySafety = PaymentRetrySafety.Always }, message, innerException)
    {
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="ProviderCircuitOpenException"/> class from a classified error.
    /// </summary>
    /// <param name="error">The classified error; its category must be <see cref="PaymentErrorCategory.Transient"/>.</param>
    /// <param name="innerException">The exception that caused the failure, typically Polly's <c>BrokenCircuitException</c>.</param>
    public ProviderCircuitOpenException(ProviderError error, Exception? innerException)
        : base(error, ProviderErrorMessage.For(error), innerException)
    {
    }
}
