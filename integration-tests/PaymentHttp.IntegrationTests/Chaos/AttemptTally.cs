namespace PaymentHttp.IntegrationTests.Chaos;

/// <summary>
/// Counts the HTTP attempts of one request, and those of them that the attempt timeout cut off;
/// <see cref="AttemptCountingHandler"/> finds it in the request's options.
/// </summary>
public sealed class AttemptTally
{
    public static readonly HttpRequestOptionsKey<AttemptTally> Key = new("PaymentHttp.IntegrationTests.AttemptTally");

    private int _count;
    private int _timedOut;

    public int Count => Volatile.Read(ref _count);

    public int TimedOut => Volatile.Read(ref _timedOut);

    public void Add() => Interlocked.Increment(ref _count);

    public void AddTimedOut() => Interlocked.Increment(ref _timedOut);
}
