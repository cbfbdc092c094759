namespace PaymentHttp.IntegrationTests.BadInput;

/// <summary>What is wrong with a generated response.</summary>
public enum MalformedResponseKind
{
    /// <summary>Nothing: a well-formed provider envelope, the baseline.</summary>
    WellFormedEnvelope,

    /// <summary>A provider envelope cut at a random byte.</summary>
    TruncatedJson,

    /// <summary>Text that is not JSON, or JSON that is broken: stray tokens, unbalanced brackets, random bytes.</summary>
    InvalidJson,

    /// <summary>A provider envelope with one value of the wrong type: <c>"code": {}</c>, arrays, nulls, huge numbers.</summary>
    WrongTypes,

    /// <summary>Nesting 10,000 levels deep.</summary>
    DeepNesting,

    /// <summary>Bytes that are not UTF-8 inside strings and property names; byte-order marks.</summary>
    InvalidUtf8,

    /// <summary>A JSON body with a wrong, missing or garbage content type.</summary>
    WrongContentType,

    /// <summary>Garbage in headers: <c>Retry-After: banana</c>, a Paysafe code header with control characters or 10 KB of text.</summary>
    HeaderGarbage,

    /// <summary>No body at all, however the framing says so.</summary>
    EmptyBody,

    /// <summary>A provider envelope after seeded byte mutations: deleted, duplicated, swapped, flipped and inserted bytes.</summary>
    FuzzedEnvelope,

    /// <summary>A body framed dishonestly: a Content-Length that lies either way, broken chunks, two lengths.</summary>
    LyingFraming,

    /// <summary>A <c>text/plain</c> body that looks like (or is) PTS ciphertext.</summary>
    CipherText,

    /// <summary>A status line that is not valid HTTP, or bare LF line endings.</summary>
    BrokenStatusLine,

    /// <summary>A provider envelope (or a fuzzed one) compressed with gzip, deflate (zlib or raw) or br, framed by length, by chunks or until close.</summary>
    CompressedBody,

    /// <summary>A compressed body that does not decode: its header broken, its data scrambled from a third of the way on, or cut in half.</summary>
    CorruptCompressedBody,

    /// <summary>A 3xx status (300 to 308) with no <c>Location</c>, a relative, same-origin, other-origin, empty or unparseable one.</summary>
    Redirect,
}
