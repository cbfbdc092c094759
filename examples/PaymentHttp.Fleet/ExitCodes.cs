namespace PaymentHttp.Fleet;

/// <summary>The process exit codes of the orchestrator and of a worker.</summary>
public static class ExitCodes
{
    /// <summary>The shared run met every figure (orchestrator), or the worker sent all its payments.</summary>
    public const int Success = 0;

    /// <summary>The shared run missed a figure, or a worker saw an exception that is not a PaymentProviderException.</summary>
    public const int FiguresMissed = 1;

    /// <summary>The command line was wrong.</summary>
    public const int Usage = 2;

    /// <summary>redis-server is not installed, so the shared run could not be made.</summary>
    public const int RedisMissing = 3;

    /// <summary>A worker process failed, hung or answered something that is not its report.</summary>
    public const int WorkerFailed = 4;
}
