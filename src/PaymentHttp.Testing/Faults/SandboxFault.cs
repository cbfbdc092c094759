using System.Globalization;
using System.Net;

namespace PaymentHttp.Testing;

/// <summary>
/// A fault the sandbox applies to one request, planned with <see cref="SandboxFaults.Plan"/>. Faults that charge say
/// so; every other fault leaves the ledger untouched.
/// </summary>
public sealed class SandboxFault
{
    // The longest wait Task.Delay accepts on every target framework.
    private static readonly TimeSpan MaxDelay = TimeSpan.FromMilliseconds(uint.MaxValue - 1);

    private static readonly string[] ContentEncodings = ["gzip", "deflate", "br"];

    private static readonly HttpStatusCode[] RedirectStatuses =
        [HttpStatusCode.MovedPermanently, HttpStatusCode.Found, HttpStatusCode.SeeOther, HttpStatusCode.TemporaryRedirect, HttpStatusCode.PermanentRedirect];

    private SandboxFault(SandboxFaultKind kind, TimeSpan? duration = null, TimeSpan? retryAfter = null, string? providerCode = null, HttpStatusCode? statusCode = null, string? contentEncoding = null, bool toAnotherOrigin = false)
    {
        Kind = kind;
        Duration = duration;
        RetryAfter = retryAfter;
        ProviderCode = providerCode;
        StatusCode = statusCode;
        ContentEncoding = contentEncoding;
        ToAnotherOrigin = toAnotherOrigin;
    }

    /// <summary>Gets what the fault does.</summary>
    public SandboxFaultKind Kind { get; }

    /// <summary>Gets how long a <see cref="SandboxFaultKind.Delay"/> holds the response; <see langword="null"/> for other kinds.</summary>
    public TimeSpan? Duration { get; }

    /// <summary>Gets the <c>Retry-After</c> of a <see cref="SandboxFaultKind.TooManyRequests"/> fault, or <see langword="null"/> when none is sent.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>Gets the code of a <see cref="SandboxFaultKind.ProviderError"/> fault; <see langword="null"/> for other kinds.</summary>
    public string? ProviderCode { get; }

    /// <summary>Gets the HTTP status forced on a <see cref="SandboxFaultKind.ProviderError"/> fault, or <see langword="null"/> for the provider's usual status for that code.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>Gets the <c>Content-Encoding</c> of a <see cref="SandboxFaultKind.Compressed"/> or <see cref="SandboxFaultKind.CorruptCompressed"/> fault; <see langword="null"/> for other kinds.</summary>
    public string? ContentEncoding { get; }

    /// <summary>Gets whether a <see cref="SandboxFaultKind.Redirect"/> points to another origin (another scheme, host and port) rather than the sandbox itself.</summary>
    public bool ToAnotherOrigin { get; }

    /// <summary>
    /// Gets a fault that processes the request normally (a payment is charged) and sends its response with chunked
    /// framing: no <c>Content-Length</c>, the body in two chunks.
    /// </summary>
    public static SandboxFault Chunked { get; } = new(SandboxFaultKind.Chunked);

    /// <summary>Gets a placeholder that handles the request normally, to plan a fault for a later attempt only.</summary>
    public static SandboxFault None { get; } = new(SandboxFaultKind.None);

    /// <summary>
    /// Gets a fault that refuses the TCP connection, so the request is never sent. The sandbox's
    /// <see cref="ProviderSandbox.CredentialsHandler"/> sends that attempt to a local port that is bound but not
    /// listening; the operating system refuses it and <see cref="HttpClient"/> throws
    /// <see cref="HttpRequestException"/> with <see cref="HttpRequestError.ConnectionError"/>. The attempt does not
    /// reach the server and is not counted by <see cref="ProviderSandbox.RequestCount"/>. A client without that
    /// handler cannot be refused for one request: the server then resets the connection before processing instead
    /// (as <see cref="ResetBeforeProcessing"/>).
    /// </summary>
    public static SandboxFault Refuse { get; } = new(SandboxFaultKind.Refuse);

    /// <summary>
    /// Gets a fault that reads the request, charges nothing and resets the connection. The client sees
    /// <see cref="HttpRequestException"/> (an <see cref="IOException"/> "connection reset by peer") and cannot tell
    /// whether the provider acted.
    /// </summary>
    public static SandboxFault ResetBeforeProcessing { get; } = new(SandboxFaultKind.ResetBeforeProcessing);

    /// <summary>
    /// Gets a fault that processes the request — a payment is charged and recorded in the ledger (and, for PlexyPay,
    /// its response is stored under the idempotency key) — and then resets the connection before any response
    /// byte. The client sees <see cref="HttpRequestException"/> (an <see cref="IOException"/> "connection reset by
    /// peer"), exactly as for <see cref="ResetBeforeProcessing"/>.
    /// </summary>
    public static SandboxFault ResetAfterCharging { get; } = new(SandboxFaultKind.ResetAfterCharging);

    /// <summary>
    /// Gets a fault that answers HTTP 503 in the provider's envelope (MakeCommerce: no body) without charging.
    /// </summary>
    public static SandboxFault ServiceUnavailable { get; } = new(SandboxFaultKind.ServiceUnavailable);

    /// <summary>
    /// Gets a fault that processes the request — a payment is charged — and then answers HTTP 500 in the provider's
    /// envelope (MakeCommerce: no body) instead of the real response.
    /// </summary>
    public static SandboxFault ServerErrorAfterCharging { get; } = new(SandboxFaultKind.ServerErrorAfterCharging);

    /// <summary>
    /// Gets a fault that processes the request normally (a payment is charged) and sends its response complete on
    /// the wire, with the JSON body cut in half: the client receives the usual status and a body it cannot parse.
    /// </summary>
    public static SandboxFault MalformedBody { get; } = new(SandboxFaultKind.MalformedBody);

    /// <summary>
    /// Gets a fault that processes the request normally (a payment is charged), sends the status line and headers
    /// with the full <c>Content-Length</c>, half of the body, and closes the connection. The client gets the
    /// headers, then reading the body fails with <see cref="HttpRequestException"/>
    /// (<see cref="HttpRequestError.ResponseEnded"/>).
    /// </summary>
    public static SandboxFault TruncatedBody { get; } = new(SandboxFaultKind.TruncatedBody);

    /// <summary>
    /// Creates a fault that processes the request at once (a payment is charged) and holds the response for
    /// <paramref name="duration"/>. When the client gives up first (its timeout or cancellation closes the
    /// connection), or the sandbox is disposed, the response is never sent and the charge stands.
    /// </summary>
    /// <param name="duration">How long to hold the response; <see cref="Timeout.InfiniteTimeSpan"/> holds it until the client gives up.</param>
    /// <returns>The fault.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="duration"/> is negative and not infinite, or longer than 49 days.</exception>
    public static SandboxFault Delay(TimeSpan duration)
    {
        if ((duration < TimeSpan.Zero && duration != Timeout.InfiniteTimeSpan) || duration > MaxDelay)
        {
            throw new ArgumentOutOfRangeException(nameof(duration), duration, "The delay must be between zero and 49 days, or Timeout.InfiniteTimeSpan.");
        }

        return new(SandboxFaultKind.Delay, duration: duration);
    }

    /// <summary>
    /// Creates a fault that answers HTTP 429 in the provider's envelope without charging.
    /// </summary>
    /// <param name="retryAfter">The <c>Retry-After</c> to send, in whole seconds (rounded up); <see langword="null"/> sends none.</param>
    /// <returns>The fault.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="retryAfter"/> is negative.</exception>
    public static SandboxFault TooManyRequests(TimeSpan? retryAfter = null)
    {
        if (retryAfter < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(retryAfter), retryAfter, "Retry-After cannot be negative.");
        }

        return new(SandboxFaultKind.TooManyRequests, retryAfter: retryAfter);
    }

    /// <summary>
    /// Creates a fault that answers with a provider error code in the provider's own error envelope, without
    /// charging: for example PagarStar <c>8001</c> (in HTTP 200), Paysafe <c>1200</c> (HTTP 429), PlexyPay <c>1</c>
    /// (HTTP 503), MakeCommerce <c>1035</c> (HTTP 400), Plutu <c>INSUFFICIENT_BALANCE</c> (HTTP 400).
    /// </summary>
    /// <param name="code">The provider's code, as the provider sends it (numbers as their digits).</param>
    /// <param name="statusCode">The HTTP status to send; <see langword="null"/> uses the status the provider sends with that code.</param>
    /// <returns>The fault.</returns>
    /// <exception cref="ArgumentException"><paramref name="code"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="statusCode"/> is not between 200 and 599.</exception>
    public static SandboxFault ProviderError(string code, HttpStatusCode? statusCode = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        if (statusCode is { } status && ((int)status < 200 || (int)status > 599))
        {
            throw new ArgumentOutOfRangeException(nameof(statusCode), statusCode, "The status must be between 200 and 599.");
        }

        return new(SandboxFaultKind.ProviderError, providerCode: code, statusCode: statusCode);
    }

    /// <summary>
    /// Creates a fault that answers with a redirect and an empty body. A 303 See Other processes the request first
    /// (a payment is charged; its <c>Location</c> points to the result), as a provider that acted does; 301, 302, 307
    /// and 308 answer before anything is charged, as an endpoint that moved does.
    /// </summary>
    /// <param name="statusCode">301, 302, 303, 307 or 308.</param>
    /// <param name="toAnotherOrigin"><see langword="true"/> for a <c>Location</c> on another host (with a query); <see langword="false"/> for one on the sandbox itself.</param>
    /// <returns>The fault.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="statusCode"/> is not one of the five redirects.</exception>
    public static SandboxFault Redirect(HttpStatusCode statusCode, bool toAnotherOrigin = false)
    {
        if (Array.IndexOf(RedirectStatuses, statusCode) < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(statusCode), statusCode, "The status must be 301, 302, 303, 307 or 308.");
        }

        return new(SandboxFaultKind.Redirect, statusCode: statusCode, toAnotherOrigin: toAnotherOrigin);
    }

    /// <summary>
    /// Creates a fault that processes the request normally (a payment is charged) and sends its response — success
    /// or error — compressed, with <c>Content-Encoding</c>: <c>gzip</c>, <c>deflate</c> (zlib-wrapped) or <c>br</c>.
    /// </summary>
    /// <param name="contentEncoding"><c>gzip</c>, <c>deflate</c> or <c>br</c>.</param>
    /// <returns>The fault.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="contentEncoding"/> is not one of the three.</exception>
    public static SandboxFault Compressed(string contentEncoding) => new(SandboxFaultKind.Compressed, contentEncoding: ValidEncoding(contentEncoding));

    /// <summary>
    /// Creates a fault that processes the request normally (a payment is charged) and sends its response compressed
    /// with <paramref name="contentEncoding"/>, but with the start of the compressed stream made invalid (the gzip magic
    /// number, a reserved deflate block type, brotli's reserved window marker): no decoder gets a byte out of it, so
    /// the client sees an answer whose body cannot be decoded at all.
    /// </summary>
    /// <param name="contentEncoding"><c>gzip</c>, <c>deflate</c> or <c>br</c>.</param>
    /// <returns>The fault.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="contentEncoding"/> is not one of the three.</exception>
    public static SandboxFault CorruptCompressed(string contentEncoding) => new(SandboxFaultKind.CorruptCompressed, contentEncoding: ValidEncoding(contentEncoding));

    /// <inheritdoc/>
    public override string ToString() => Kind switch
    {
        SandboxFaultKind.Delay => string.Create(CultureInfo.InvariantCulture, $"Delay({(Duration == Timeout.InfiniteTimeSpan ? "infinite" : Duration!.Value.TotalMilliseconds + " ms")})"),
        SandboxFaultKind.TooManyRequests => RetryAfter is { } after
            ? string.Create(CultureInfo.InvariantCulture, $"TooManyRequests(Retry-After {after.TotalSeconds:0.###} s)")
            : "TooManyRequests",
        SandboxFaultKind.ProviderError => StatusCode is { } status
            ? string.Create(CultureInfo.InvariantCulture, $"ProviderError({ProviderCode}, HTTP {(int)status})")
            : $"ProviderError({ProviderCode})",
        SandboxFaultKind.Redirect => string.Create(CultureInfo.InvariantCulture, $"Redirect({(int)StatusCode!.Value}, {(ToAnotherOrigin ? "another origin" : "same origin")})"),
        SandboxFaultKind.Compressed or SandboxFaultKind.CorruptCompressed => $"{Kind}({ContentEncoding})",
        _ => Kind.ToString(),
    };

    private static string ValidEncoding(string contentEncoding)
    {
        ArgumentNullException.ThrowIfNull(contentEncoding);
        if (Array.IndexOf(ContentEncodings, contentEncoding) < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(contentEncoding), contentEncoding, "The encoding must be gzip, deflate or br.");
        }

        return contentEncoding;
    }
}
