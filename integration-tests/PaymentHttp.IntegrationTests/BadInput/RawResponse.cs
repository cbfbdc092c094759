namespace PaymentHttp.IntegrationTests.BadInput;

/// <summary>
/// One scripted answer of <see cref="RawHttpServer"/>: the exact bytes to write (status line, headers and body, right or
/// wrong), optionally followed by <see cref="FillerBytes"/> of a repeated pattern streamed as the socket accepts them
/// (for bodies too large to hold) — after a pause, if one is given — and whether to close the connection afterwards,
/// or to reset it (RST, as a peer that crashed or dropped the connection does).
/// </summary>
public sealed class RawResponse
{
    public RawResponse(
        byte[] bytes,
        bool closeAfter,
        long fillerBytes = 0,
        bool fillerChunked = false,
        byte[]? fillerPattern = null,
        bool resetAfter = false,
        TimeSpan pauseBeforeFiller = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pauseBeforeFiller, TimeSpan.Zero);
        Bytes = bytes;
        CloseAfter = closeAfter;
        FillerBytes = fillerBytes;
        FillerChunked = fillerChunked;
        FillerPattern = fillerPattern ?? "\"aaaaaaaaaaaaaaa\","u8.ToArray();
        ResetAfter = resetAfter;
        PauseBeforeFiller = pauseBeforeFiller;
    }

    public ReadOnlyMemory<byte> Bytes { get; }

    /// <summary>Gets a value indicating whether the server closes the connection after writing (the only way to end a lying or close-delimited body).</summary>
    public bool CloseAfter { get; }

    public long FillerBytes { get; }

    /// <summary>Gets a value indicating whether the filler is sent as HTTP chunks, ended by the last chunk.</summary>
    public bool FillerChunked { get; }

    public ReadOnlyMemory<byte> FillerPattern { get; }

    /// <summary>Gets a value indicating whether the server resets the connection (RST) after writing, instead of ending it with FIN.</summary>
    public bool ResetAfter { get; }

    /// <summary>Gets how long the server waits between <see cref="Bytes"/> and the filler (a body that arrives late, after its headers).</summary>
    public TimeSpan PauseBeforeFiller { get; }
}
