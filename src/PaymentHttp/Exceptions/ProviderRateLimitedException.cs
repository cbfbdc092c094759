namespace PaymentHttp;

/// <summary>
/// The provider throttled the request and did not act on it. Thrown when retries ran out or when the provider asked for a wait longer than the retry policy allows; <see cref="RetryAfter"/> tells how long to wait.
/// </summary>
public sealed class ProviderRateLimitedException : PaymentProviderException
{
    /// <summary>
    /// Initializes a new instance of the <see cref="ProviderRateLimitedException"/> class.
    /// </summary>
    public ProviderRateLimitedException()
        : this("The provider throttled the request.")
    {
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="ProviderRateLimitedException"/> class with a message.
    /// </summary>
    /// <param name="message">The exception message.</param>
    public ProviderRateLimitedException(string message)
        : this(message, null)
    {
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="ProviderRateLimitedException"/> class with a message and the exception that caused it.
    /// </summary>
    /// <param name="message">The exception message.</param>
    /// <param name="innerException">The exception that caused the failure, if any.</param>
    public ProviderRateLimitedException(string message, Exception? innerException)
        : base(new ProviderError(PaymentErrorCategory.RateLimited, message), message, innerException)
    {
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="ProviderRateLimitedException"/> class from a classified error.
    /// </summary>
    /// <param name="error">The classified error; its category must be <see cref="PaymentErrorCategory.RateLimited"/>.</param>
    public ProviderRateLimitedException(ProviderError error)
        : this(error, null)
    {
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="ProviderRateLimitedException"/> class from a classified error and the exception that caused it.
    /// </summary>
    /// <param name="error">The classified error; its category must be <see cref="PaymentErrorCategory.RateLimited"/>.</param>
    /// <param name="innerException">The exception that caused the failure, if any.</param>
    public ProviderRateLimitedException(ProviderError error, Exception? innerException)
        : base(RequireCategory(error, PaymentErrorCategory.RateLimited), innerException)
    {
    }

    /// <summary>Gets how long the provider asked the caller to wait, or <see langword="null"/> when it did not say.</summary>
    public TimeSpan? RetryAfter => Error.RetryAfter;
}
