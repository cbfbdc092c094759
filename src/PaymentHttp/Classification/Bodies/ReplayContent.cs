using System.Buffers;
using System.Net;
using System.Runtime.ExceptionServices;

namespace PaymentHttp;

/// <summary>
/// The body of a response handed on after part of it was read for inspection: it replays those raw bytes, then
/// streams the rest from the original content — so nothing is buffered but what inspection needed, and the caller
/// still reads the body whole, through <c>HttpClient</c>'s own buffering (and its <c>MaxResponseContentBufferSize</c>)
/// or as a stream. When the rest breaks off or cannot be decoded, the failure is rethrown as it came (below the
/// classifier) or, above it, as the typed exception of a broken success body.
/// </summary>
internal sealed class ReplayContent : HttpContent
{
    private const int CopyBufferBytes = 16 * 1024;

    private readonly HttpContent _original;
    private readonly byte[] _prefix;
    private readonly Stream? _remaining;
    private readonly Exception? _failure;
    private IBrokenBodyTranslator? _translator;
    private HttpRequestMessage? _request;
    private HttpResponseMessage? _response;
    private CancellationTokenSource? _readTimeout;
    private TimeSpan _readTimeLimit = Timeout.InfiniteTimeSpan;
    private TimeProvider _timeProvider = TimeProvider.System;
    private bool _read;

    public ReplayContent(HttpContent original, byte[] prefix, Stream? remaining, Exception? failure)
    {
        _original = original;
        _prefix = prefix;
        _remaining = remaining;
        _failure = failure;
        foreach (var header in original.Headers.NonValidated)
        {
            Headers.TryAddWithoutValidation(header.Key, header.Value);
        }
    }

    /// <summary>Gets a value indicating whether the whole body is in memory: nothing left to read that could fail.</summary>
    public bool IsInMemory => _remaining is null && _failure is null;

    /// <summary>Gets or sets how many attempts the call took, for the typed exception of a body that breaks off later.</summary>
    public int Attempts { get; set; } = 1;

    /// <summary>
    /// Bounds the time the caller may spend reading the rest of the body, from its first read: the body is part of the
    /// attempt, so a provider that sends the status and then stalls meets the attempt timeout there too — the stalled
    /// read is aborted and ends in the typed exception (inner <see cref="Polly.Timeout.TimeoutRejectedException"/>),
    /// never a hang (PaymentHttp sets <see cref="HttpClient.Timeout"/> to infinite).
    /// </summary>
    public void LimitReadTime(TimeSpan limit, TimeProvider timeProvider)
    {
        _readTimeLimit = limit;
        _timeProvider = timeProvider;
    }

    /// <summary>A response that is not inspected: read nothing now, stream it all when the caller reads it.</summary>
    public static async ValueTask<ReplayContent> StreamingAsync(HttpContent original, CancellationToken cancellationToken)
    {
        Stream? remaining = null;
        Exception? failure = null;
        try
        {
            remaining = await original.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (BodyReader.IsReadFailure(exception, cancellationToken))
        {
            failure = exception;
        }

        return new ReplayContent(original, [], remaining, failure);
    }

    /// <summary>Turns a failure of the rest of the body into the typed exception of the attempt that returned it.</summary>
    public ReplayContent TranslateFailures(IBrokenBodyTranslator translator, HttpRequestMessage request, HttpResponseMessage response)
    {
        _translator = translator;
        _request = request;
        _response = response;
        return this;
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        StartReading();
        await stream.WriteAsync(_prefix, cancellationToken).ConfigureAwait(false);
        ThrowIfFailed();
        if (_remaining is null)
        {
            return;
        }

        var buffer = ArrayPool<byte>.Shared.Rent(CopyBufferBytes);
        try
        {
            while (true)
            {
                // Only a failure to read the provider's body is translated; one of the destination (the caller's
                // MaxResponseContentBufferSize, for one) surfaces exactly as it would without PaymentHttp.
                var read = await ReadRemainingAsync(buffer, cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    return;
                }

                await stream.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    protected override Task<Stream> CreateContentReadStreamAsync() => CreateContentReadStreamAsync(CancellationToken.None);

    protected override Task<Stream> CreateContentReadStreamAsync(CancellationToken cancellationToken)
    {
        StartReading();

        // A whole body in memory gets a seekable stream: whoever read it (inspection) can put it back at the start.
        return Task.FromResult<Stream>(IsInMemory ? new MemoryStream(_prefix, writable: false) : new ReplayStream(this, _prefix));
    }

    protected override bool TryComputeLength(out long length)
    {
        length = _prefix.Length;
        return IsInMemory;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _readTimeout?.Dispose();
            _original.Dispose(); // releases the connection the rest would have come from
        }

        base.Dispose(disposing);
    }

    internal async ValueTask<int> ReadRemainingAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        ThrowIfFailed();
        if (_remaining is null)
        {
            return 0;
        }

        try
        {
            return await _remaining.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (IsBodyFailure(exception, cancellationToken) || TimedOut(cancellationToken))
        {
            throw Translate(TimedOut(cancellationToken) ? ReadTimeout() : exception);
        }
    }

    internal int ReadRemaining(Span<byte> buffer)
    {
        ThrowIfFailed();
        if (_remaining is null)
        {
            return 0;
        }

        try
        {
            return _remaining.Read(buffer);
        }
        catch (Exception exception) when (IsBodyFailure(exception, CancellationToken.None) || TimedOut(CancellationToken.None))
        {
            throw Translate(TimedOut(CancellationToken.None) ? ReadTimeout() : exception);
        }
    }

    internal void DisposeRemaining() => _remaining?.Dispose();

    /// <summary>The connection broke, the framing was wrong, or a decoder below (AutomaticDecompression) met invalid data.</summary>
    private static bool IsBodyFailure(Exception exception, CancellationToken cancellationToken) =>
        BodyReader.IsReadFailure(exception, cancellationToken) || (!cancellationToken.IsCancellationRequested && ContentDecoding.IsInvalidData(exception));

    private void StartReading()
    {
        // The rest of the body is a network stream: it can be read once, like StreamContent's.
        if (!IsInMemory && _read)
        {
            throw new InvalidOperationException("The response content was already read; it can be read only once.");
        }

        _read = true;
        if (_remaining is not null && _readTimeLimit != Timeout.InfiniteTimeSpan && _readTimeout is null)
        {
            // One timer per body, not per read: when it fires, the stream is disposed, which aborts the pending read.
            _readTimeout = new CancellationTokenSource(_readTimeLimit, _timeProvider);
            _readTimeout.Token.Register(static state => ((Stream)state!).Dispose(), _remaining);
        }
    }

    private bool TimedOut(CancellationToken callerToken) =>
        !callerToken.IsCancellationRequested && _readTimeout is { IsCancellationRequested: true };

    private Polly.Timeout.TimeoutRejectedException ReadTimeout() =>
        new(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"The provider's response body did not arrive within {_readTimeLimit.TotalSeconds:0.###} s."), _readTimeLimit);

    private void ThrowIfFailed()
    {
        if (_failure is not null)
        {
            throw Translate(_failure);
        }
    }

    private Exception Translate(Exception failure)
    {
        if (_translator is { } translator)
        {
            return translator.Translate(_request!, _response!, failure, Attempts);
        }

        ExceptionDispatchInfo.Throw(failure); // below the classifier: it classifies the break as it came
        return failure;
    }
}
