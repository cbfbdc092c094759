namespace PaymentHttp;

/// <summary>
/// Stands in for an inner exception whose message quoted wire data, when its own type cannot be rebuilt with a
/// redacted message: the message starts with the original type's full name, and the original stack trace is kept.
/// </summary>
internal sealed class RedactedException : Exception
{
    public RedactedException(string originalTypeName, string redactedMessage, Exception? innerException)
        : base(originalTypeName + ": " + redactedMessage, innerException)
    {
        OriginalTypeName = originalTypeName;
    }

    public RedactedException()
    {
        OriginalTypeName = string.Empty;
    }

    public RedactedException(string message)
        : base(message)
    {
        OriginalTypeName = string.Empty;
    }

    public RedactedException(string message, Exception innerException)
        : base(message, innerException)
    {
        OriginalTypeName = string.Empty;
    }

    /// <summary>Gets the full name of the type of the exception this one replaces.</summary>
    public string OriginalTypeName { get; }
}
