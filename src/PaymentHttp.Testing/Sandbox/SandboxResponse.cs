using System.Text.Json;
using System.Text.Json.Nodes;

namespace PaymentHttp.Testing;

/// <summary>A response a provider simulator decided on, before any fault changes how it goes on the wire.</summary>
internal sealed class SandboxResponse
{
    private SandboxResponse(int statusCode, ReadOnlyMemory<byte> body, string? contentType, IReadOnlyList<KeyValuePair<string, string>> headers)
    {
        StatusCode = statusCode;
        Body = body;
        ContentType = contentType;
        Headers = headers;
    }

    public int StatusCode { get; }

    public ReadOnlyMemory<byte> Body { get; }

    public string? ContentType { get; }

    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; }

    /// <summary>A JSON response.</summary>
    public static SandboxResponse Json(int statusCode, JsonNode body)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            body.WriteTo(writer);
        }

        return new SandboxResponse(statusCode, buffer.ToArray(), "application/json; charset=utf-8", []);
    }

    /// <summary>A response without a body (MakeCommerce server errors).</summary>
    public static SandboxResponse Empty(int statusCode) => new(statusCode, ReadOnlyMemory<byte>.Empty, null, []);

    /// <summary>The same response with one more header.</summary>
    public SandboxResponse WithHeader(string name, string value) =>
        new(StatusCode, Body, ContentType, [.. Headers, new KeyValuePair<string, string>(name, value)]);
}
