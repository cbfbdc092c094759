using System.Net;
using System.Text;

namespace PaymentHttp.Benchmarks.Infrastructure;

/// <summary>
/// One provider response as data: status, headers and body bytes, turned into a fresh
/// <see cref="HttpResponseMessage"/> on every call.
/// </summary>
/// <remarks>
/// A response cannot be reused across calls: the caller disposes it, <c>HttpClient</c> and PaymentHttp buffer its
/// content (<c>LoadIntoBufferAsync</c>), and PaymentHttp replaces the content of a failure. A reused instance would
/// arrive disposed or already buffered, and each variant would then pay something different. So every call gets a
/// new message and content, while the body bytes are shared (<see cref="ByteArrayContent"/> does not copy them):
/// every variant pays exactly the same few objects per call for the terminal handler.
/// </remarks>
public sealed class CannedResponse
{
    private readonly (string Name, string Value)[] _headers;

    public CannedResponse(HttpStatusCode statusCode, string jsonBody, params (string Name, string Value)[] headers)
    {
        StatusCode = statusCode;
        Body = Encoding.UTF8.GetBytes(jsonBody);
        _headers = headers;
    }

    public HttpStatusCode StatusCode { get; }

    public byte[] Body { get; }

    public HttpResponseMessage Create(HttpRequestMessage? request)
    {
        var content = new ByteArrayContent(Body);

        // Unvalidated: the value is stored as is, parsed only if someone reads it (nobody does on these paths).
        content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        var response = new HttpResponseMessage(StatusCode) { Content = content, RequestMessage = request };
        foreach (var (name, value) in _headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response;
    }
}
