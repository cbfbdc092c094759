namespace PaymentHttp.IntegrationTests.BadInput;

/// <summary>How a generated response says where its body ends — honestly or not.</summary>
public enum BodyFraming
{
    /// <summary>An honest <c>Content-Length</c>; the connection stays open.</summary>
    ContentLength,

    /// <summary>Valid chunked encoding; the connection stays open.</summary>
    Chunked,

    /// <summary>Neither length nor chunks: the body ends when the server closes the connection.</summary>
    UntilClose,

    /// <summary><c>Content-Length</c> larger than the body, then the connection closes: the body breaks off.</summary>
    ContentLengthLongerThanBody,

    /// <summary><c>Content-Length</c> smaller than the body; the rest follows as garbage and the connection closes.</summary>
    ContentLengthShorterThanBody,

    /// <summary>Chunked encoding whose chunk size is not hexadecimal, then the connection closes.</summary>
    InvalidChunkSize,

    /// <summary>Two <c>Content-Length</c> headers that disagree, then the connection closes.</summary>
    ConflictingContentLengths,
}
