namespace PaymentHttp.Fleet.Orchestration;

/// <summary>A worker process could not start, hung, failed or printed no report.</summary>
public sealed class WorkerProcessException : Exception
{
    public WorkerProcessException(string message)
        : base(message)
    {
    }

    public WorkerProcessException()
    {
    }

    public WorkerProcessException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
