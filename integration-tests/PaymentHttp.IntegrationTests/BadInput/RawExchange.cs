namespace PaymentHttp.IntegrationTests.BadInput;

/// <summary>What <see cref="RawHttpServer"/> did with one scripted response: how often it was asked for, and how many bytes the socket accepted.</summary>
public sealed class RawExchange
{
    private readonly TaskCompletionSource _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _bytesAccepted;
    private int _served;

    public RawExchange(int id, string tag, RawResponse response)
    {
        Id = id;
        Tag = tag;
        Response = response;
    }

    public int Id { get; }

    /// <summary>Gets the label the test gave the response (its provider), for the per-provider counts.</summary>
    public string Tag { get; }

    public RawResponse Response { get; }

    public int Served => Volatile.Read(ref _served);

    /// <summary>Gets how many bytes of the response the operating system accepted from the server, over every time it was served.</summary>
    public long BytesAccepted => Interlocked.Read(ref _bytesAccepted);

    /// <summary>Gets a task that completes when the response was written completely or its connection ended.</summary>
    public Task Finished => _finished.Task;

    internal void Started() => Interlocked.Increment(ref _served);

    internal void Accepted(int bytes) => Interlocked.Add(ref _bytesAccepted, bytes);

    internal void Finish() => _finished.TrySetResult();
}
