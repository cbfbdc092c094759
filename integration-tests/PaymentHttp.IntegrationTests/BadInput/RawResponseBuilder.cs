using System.Globalization;
using System.Text;

namespace PaymentHttp.IntegrationTests.BadInput;

/// <summary>
/// Writes a response byte for byte: a status line (any text), headers whose values may hold any byte, a body and its
/// framing. Header values are written as Latin-1, so a test can put control characters or bytes above 0x7F on the wire.
/// </summary>
public sealed class RawResponseBuilder
{
    private readonly List<(string Name, byte[] Value)> _headers = [];

    public RawResponseBuilder(int status)
    {
        StatusLine = $"HTTP/1.1 {status.ToString(CultureInfo.InvariantCulture)} Status";
    }

    public string StatusLine { get; set; }

    public byte[] Body { get; set; } = [];

    public BodyFraming Framing { get; set; } = BodyFraming.ContentLength;

    /// <summary>Gets or sets the line ending of the head: CRLF, or a bare LF that lenient parsers accept.</summary>
    public string LineEnd { get; set; } = "\r\n";

    public RawResponseBuilder Header(string name, string value) => Header(name, Encoding.Latin1.GetBytes(value));

    public RawResponseBuilder Header(string name, byte[] value)
    {
        _headers.Add((name, value));
        return this;
    }

    public RawResponse Build()
    {
        using var head = new MemoryStream();
        Write(head, StatusLine);
        foreach (var (name, value) in _headers)
        {
            head.Write(Encoding.Latin1.GetBytes(name + ": "));
            head.Write(value);
            head.Write(Encoding.ASCII.GetBytes(LineEnd));
        }

        var body = Body;
        byte[] framedBody;
        bool closeAfter;
        switch (Framing)
        {
            case BodyFraming.ContentLength:
                Write(head, "Content-Length: " + body.Length.ToString(CultureInfo.InvariantCulture));
                (framedBody, closeAfter) = (body, false);
                break;
            case BodyFraming.Chunked:
                Write(head, "Transfer-Encoding: chunked");
                (framedBody, closeAfter) = (Chunked(body), false);
                break;
            case BodyFraming.UntilClose:
                (framedBody, closeAfter) = (body, true);
                break;
            case BodyFraming.ContentLengthLongerThanBody:
                Write(head, "Content-Length: " + (body.Length + 17).ToString(CultureInfo.InvariantCulture));
                (framedBody, closeAfter) = (body, true);
                break;
            case BodyFraming.ContentLengthShorterThanBody:
                Write(head, "Content-Length: " + (body.Length / 2).ToString(CultureInfo.InvariantCulture));
                (framedBody, closeAfter) = (body, true);
                break;
            case BodyFraming.InvalidChunkSize:
                Write(head, "Transfer-Encoding: chunked");
                (framedBody, closeAfter) = ([.. "zz\r\n"u8, .. body, .. "\r\n0\r\n\r\n"u8], true);
                break;
            case BodyFraming.ConflictingContentLengths:
                Write(head, "Content-Length: " + body.Length.ToString(CultureInfo.InvariantCulture));
                Write(head, "Content-Length: " + (body.Length + 5).ToString(CultureInfo.InvariantCulture));
                (framedBody, closeAfter) = (body, true);
                break;
            default:
                throw new InvalidOperationException("Unknown framing " + Framing);
        }

        head.Write(Encoding.ASCII.GetBytes(LineEnd));
        head.Write(framedBody);
        return new RawResponse(head.ToArray(), closeAfter);
    }

    /// <summary>The body in two chunks (or one empty last chunk for an empty body).</summary>
    private static byte[] Chunked(byte[] body)
    {
        using var chunks = new MemoryStream();
        var half = body.Length / 2;
        foreach (var part in new[] { body[..half], body[half..] })
        {
            if (part.Length > 0)
            {
                chunks.Write(Encoding.ASCII.GetBytes(part.Length.ToString("x", CultureInfo.InvariantCulture) + "\r\n"));
                chunks.Write(part);
                chunks.Write("\r\n"u8);
            }
        }

        chunks.Write("0\r\n\r\n"u8);
        return chunks.ToArray();
    }

    private void Write(MemoryStream head, string line) => head.Write(Encoding.Latin1.GetBytes(line + LineEnd));
}
