namespace PaymentHttp.Fleet.CommandLine;

/// <summary>The command line names an unknown option or an invalid value.</summary>
public sealed class UsageException : Exception
{
    public UsageException(string message)
        : base(message)
    {
    }

    public UsageException()
    {
    }

    public UsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
