using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using PaymentHttp.IntegrationTests.Encodings;
using PaymentHttp.Testing;

namespace PaymentHttp.IntegrationTests.BadInput;

/// <summary>
/// Generates malformed provider responses from a seed. Each response depends only on (seed, provider, index), so
/// generation can run in parallel and any single response can be produced again from the numbers in a failure message.
/// </summary>
public sealed class MalformedResponseGenerator
{
    /// <summary>The statuses the brief names, and a few more that PaymentHttp must survive too.</summary>
    public static readonly int[] Statuses = [200, 400, 402, 404, 409, 422, 429, 500, 503];

    private static readonly int[] OtherStatuses = [201, 401, 403, 418, 451, 499, 502, 504, 599];

    private static readonly (MalformedResponseKind Kind, int Weight)[] Weights =
    [
        (MalformedResponseKind.WellFormedEnvelope, 5),
        (MalformedResponseKind.TruncatedJson, 10),
        (MalformedResponseKind.InvalidJson, 8),
        (MalformedResponseKind.WrongTypes, 12),
        (MalformedResponseKind.DeepNesting, 3),
        (MalformedResponseKind.InvalidUtf8, 8),
        (MalformedResponseKind.WrongContentType, 8),
        (MalformedResponseKind.HeaderGarbage, 12),
        (MalformedResponseKind.EmptyBody, 6),
        (MalformedResponseKind.FuzzedEnvelope, 15),
        (MalformedResponseKind.LyingFraming, 6),
        (MalformedResponseKind.CipherText, 5),
        (MalformedResponseKind.BrokenStatusLine, 2),
        (MalformedResponseKind.CompressedBody, 7),
        (MalformedResponseKind.CorruptCompressedBody, 7),
        (MalformedResponseKind.Redirect, 5),
    ];

    private static readonly string[] ContentEncodings = ["gzip", "deflate", "br"];

    private static readonly BodyFraming[] HonestFramings = [BodyFraming.ContentLength, BodyFraming.Chunked, BodyFraming.UntilClose];

    private static readonly string?[] Locations =
    [
        null, "/v2/payments/moved", "http://127.0.0.1:1/payments?token=secret", "https://pay.elsewhere.example/pay?card=4242424242424242",
        string.Empty, "http://[::1", "//elsewhere.example/pay", "https://user:pass@elsewhere.example/", "\u0001not a uri",
    ];

    private static readonly string[] WrongValues =
    [
        "{}", "[]", "null", "true", "false", "1e400", "-1e-400", "-0", "123456789012345678901234567890123456789",
        "\"\"", "[1,2,{\"a\":[]}]", "{\"code\":\"x\",\"code\":{}}", "\"\\u0000\"", "\"\\ud800\"", "\"\\udc00\\ud800\"",
        "\"\\uZZZZ\"", "0.0000000000000000000000000001", "9223372036854775808", "-9223372036854775809", "NaN", "Infinity",
        "\"" + new string('x', 5000) + "\"", new string('9', 3000), "[" + string.Join(',', Enumerable.Repeat("\"e\"", 500)) + "]",
    ];

    private static readonly string[] InvalidJsonTexts =
    [
        "{", "}", "{{", "{\"error\":", "{\"error\":{\"code\":", "{\"code\":1035,}", "{\"code\" 1035}", "{'code':'1035'}",
        "{\"code\":1035 \"message\":\"x\"}", "[", "]]]]", "null", "true", "1035", "\"1035\"", "<html><body>502 Bad Gateway</body></html>",
        "<?xml version=\"1.0\"?><error><code>1035</code></error>", "{\"code\":1035}{\"code\":1036}", "{\"code\":1035}garbage",
        "/* comment */ {\"code\":1035}", "{\"code\":1035 // trailing", "{\"a\":[1,2,3,", "\u001f\u008b", "{\"code\":01035}",
        "{\"code\":+1035}", "{\"code\":.5}", "{\"code\":1.}", "{\"code\":\"1035\\\"}", "{\"code\":\"unterminated", "{\"\":\"\"}",
    ];

    private static readonly string[] RetryAfters =
    [
        "banana", "-1", "99999999999999999999", "1.5", string.Empty, " ", "Wed, 21 Oct 2015 07:28:00 GMT",
        "Fri, 31 Dec 9999 23:59:59 GMT", "Mon, 01 Jan 0001 00:00:00 GMT", "0", "3600", "Mon, 32 Foo 2015 99:99:99 GMT", "1, 2", "\u0001\u0002",
    ];

    private static readonly string[] ContentTypes =
    [
        "text/html", "application/xml", "text/plain", "application/json; charset=banana", "application/problem+json",
        "application/json; charset=utf-16", "*/*", ";;;", "application/octet-stream", "multipart/form-data; boundary=x",
        "application/json; charset=\"utf-8", "APPLICATION/JSON", "application/x-www-form-urlencoded",
    ];

    private static readonly byte[][] InvalidUtf8Sequences =
    [
        [0xFF], [0xFE], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0x80], [0xE2, 0x82], [0xF8, 0x88, 0x80, 0x80, 0x80],
        [0xF4, 0x90, 0x80, 0x80], [0xC3], [0xEF, 0xBB, 0xBF], [0x00],
    ];

    private readonly int _seed;
    private readonly byte[] _pagarStarSafeCode = Encoding.UTF8.GetBytes(SandboxCredentials.PagarStarSafeCode);

    public MalformedResponseGenerator(int seed)
    {
        _seed = seed;
    }

    public GeneratedResponse Generate(PaymentProvider provider, int index)
    {
        var random = new Random(SeedOf(provider, index));
        var kind = PickKind(random);
        var status = random.Next(10) == 0 ? OtherStatuses[random.Next(OtherStatuses.Length)] : Statuses[random.Next(Statuses.Length)];
        var builder = new RawResponseBuilder(status);
        var envelope = ProviderEnvelopes.For(provider, status, random);
        var json = envelope.ToJsonString();
        builder.Header("Content-Type", "application/json; charset=utf-8");
        var description = kind.ToString();

        switch (kind)
        {
            case MalformedResponseKind.WellFormedEnvelope:
                builder.Body = Encoding.UTF8.GetBytes(json);
                break;
            case MalformedResponseKind.TruncatedJson:
                var cut = random.Next(json.Length);
                builder.Body = Encoding.UTF8.GetBytes(json[..cut]);
                description += $" at {cut}";
                break;
            case MalformedResponseKind.InvalidJson:
                builder.Body = random.Next(4) == 0 ? RandomBytes(random, random.Next(1, 200)) : Encoding.UTF8.GetBytes(InvalidJsonTexts[random.Next(InvalidJsonTexts.Length)]);
                break;
            case MalformedResponseKind.WrongTypes:
                builder.Body = Encoding.UTF8.GetBytes(WithWrongType(envelope, random, out var where));
                description += " at " + where;
                break;
            case MalformedResponseKind.DeepNesting:
                builder.Body = Encoding.UTF8.GetBytes(DeepNesting(random));
                break;
            case MalformedResponseKind.InvalidUtf8:
                builder.Body = WithInvalidUtf8(Encoding.UTF8.GetBytes(json), random);
                break;
            case MalformedResponseKind.WrongContentType:
                builder = new RawResponseBuilder(status) { Body = Encoding.UTF8.GetBytes(json) };
                if (random.Next(4) > 0)
                {
                    builder.Header("Content-Type", ContentTypes[random.Next(ContentTypes.Length)]);
                }

                break;
            case MalformedResponseKind.HeaderGarbage:
                builder.Body = Encoding.UTF8.GetBytes(json);
                description += AddHeaderGarbage(builder, random);
                break;
            case MalformedResponseKind.EmptyBody:
                builder.Body = [];
                builder.Framing = (BodyFraming)random.Next(3); // Content-Length: 0, an empty chunked body, or nothing until close
                break;
            case MalformedResponseKind.FuzzedEnvelope:
                builder.Body = Fuzz(Encoding.UTF8.GetBytes(json), random);
                break;
            case MalformedResponseKind.LyingFraming:
                builder.Body = Encoding.UTF8.GetBytes(json);
                builder.Framing = (BodyFraming)random.Next((int)BodyFraming.ContentLengthLongerThanBody, Enum.GetValues<BodyFraming>().Length);
                break;
            case MalformedResponseKind.CipherText:
                builder = new RawResponseBuilder(status) { Body = CipherText(json, random) };
                builder.Header("Content-Type", "text/plain; charset=utf-8");
                break;
            case MalformedResponseKind.BrokenStatusLine:
                builder.Body = Encoding.UTF8.GetBytes(json);
                description += BreakStatusLine(builder, status, random);
                break;
            case MalformedResponseKind.CompressedBody:
            case MalformedResponseKind.CorruptCompressedBody:
                var plain = random.Next(3) == 0 ? Fuzz(Encoding.UTF8.GetBytes(json), random) : Encoding.UTF8.GetBytes(json);
                var encoding = ContentEncodings[random.Next(ContentEncodings.Length)];
                var encoded = Compress(plain, encoding, random, out var variant);
                if (kind == MalformedResponseKind.CorruptCompressedBody)
                {
                    variant += Corrupt(encoded, random, out encoded);
                }

                builder.Body = encoded;
                builder.Header("Content-Encoding", encoding);
                builder.Framing = HonestFramings[random.Next(HonestFramings.Length)];
                description += $" ({encoding}{variant})";
                break;
            case MalformedResponseKind.Redirect:
                status = random.Next(300, 309);
                builder = new RawResponseBuilder(status);
                if (random.Next(2) == 0)
                {
                    builder.Header("Content-Type", "application/json; charset=utf-8");
                    builder.Body = Encoding.UTF8.GetBytes(json);
                }

                var location = Locations[random.Next(Locations.Length)];
                if (location is not null)
                {
                    builder.Header("Location", location);
                }

                builder.Framing = HonestFramings[random.Next(HonestFramings.Length)];
                description += location is null ? " (no Location)" : $" (Location '{location}')";
                break;
        }

        if (kind is not (MalformedResponseKind.EmptyBody or MalformedResponseKind.LyingFraming or MalformedResponseKind.CompressedBody
                or MalformedResponseKind.CorruptCompressedBody or MalformedResponseKind.Redirect) && random.Next(8) == 0)
        {
            builder.Framing = random.Next(2) == 0 ? BodyFraming.Chunked : BodyFraming.UntilClose;
        }

        var statusLineValid = kind != MalformedResponseKind.BrokenStatusLine;
        return new GeneratedResponse(provider, index, kind, status, statusLineValid, $"{description}, HTTP {status}, {builder.Framing}", builder.Build());
    }

    /// <summary>A seed for one response that is the same in every process (HashCode.Combine is randomised per process).</summary>
    private int SeedOf(PaymentProvider provider, int index) =>
        unchecked((_seed * 1_000_003) ^ ((int)provider * 7_919_317) ^ (index * 104_729));

    private static MalformedResponseKind PickKind(Random random)
    {
        var roll = random.Next(Weights.Sum(w => w.Weight));
        foreach (var (kind, weight) in Weights)
        {
            if ((roll -= weight) < 0)
            {
                return kind;
            }
        }

        throw new InvalidOperationException("unreachable");
    }

    /// <summary>The envelope with one value, anywhere in it, replaced by a value of the wrong type (raw JSON text).</summary>
    private static string WithWrongType(JsonObject envelope, Random random, out string where)
    {
        var slots = new List<(JsonNode Parent, object Key)>();
        Collect(envelope, slots);
        var (parent, key) = slots[random.Next(slots.Count)];
        const string Placeholder = "\"__wrong_type__\"";
        if (parent is JsonObject obj)
        {
            obj[(string)key] = "__wrong_type__";
        }
        else
        {
            ((JsonArray)parent)[(int)key] = "__wrong_type__";
        }

        where = key.ToString()!;
        return envelope.ToJsonString().Replace(Placeholder, WrongValues[random.Next(WrongValues.Length)], StringComparison.Ordinal);
    }

    private static void Collect(JsonNode node, List<(JsonNode Parent, object Key)> slots)
    {
        if (node is JsonObject obj)
        {
            foreach (var (name, child) in obj.ToList())
            {
                slots.Add((obj, name));
                if (child is not null)
                {
                    Collect(child, slots);
                }
            }
        }
        else if (node is JsonArray array)
        {
            for (var i = 0; i < array.Count; i++)
            {
                slots.Add((array, i));
                if (array[i] is { } child)
                {
                    Collect(child, slots);
                }
            }
        }
    }

    /// <summary>10,000 levels of objects or arrays, inside the envelope's own keys, closed or not.</summary>
    private static string DeepNesting(Random random)
    {
        const int Depth = 10_000;
        var opener = random.Next(4) switch
        {
            0 => "{\"error\":",
            1 => "[",
            2 => "{\"code\":[",
            _ => "{\"a\":{\"b\":",
        };
        var closer = opener switch
        {
            "[" => "]",
            "{\"code\":[" => "]}",
            "{\"a\":{\"b\":" => "}}",
            _ => "}",
        };
        var text = new StringBuilder((opener.Length + closer.Length) * Depth + 16);
        text.Insert(0, opener, Depth).Append("{\"code\":\"1035\"}");
        if (random.Next(2) == 0)
        {
            text.Insert(text.Length, closer, Depth);
        }

        return text.ToString();
    }

    private static byte[] WithInvalidUtf8(byte[] json, Random random)
    {
        var bytes = new List<byte>(json);
        for (var i = random.Next(1, 4); i > 0; i--)
        {
            var sequence = InvalidUtf8Sequences[random.Next(InvalidUtf8Sequences.Length)];
            // Inside a string or a property name: right after a quote when there is one.
            var quotes = Enumerable.Range(0, bytes.Count).Where(p => bytes[p] == (byte)'"').ToList();
            var at = quotes.Count > 0 && random.Next(4) > 0 ? quotes[random.Next(quotes.Count)] + 1 : random.Next(bytes.Count + 1);
            bytes.InsertRange(Math.Min(at, bytes.Count), sequence);
        }

        return [.. bytes];
    }

    private static string AddHeaderGarbage(RawResponseBuilder builder, Random random)
    {
        var added = new List<string>();
        for (var i = random.Next(1, 4); i > 0; i--)
        {
            switch (random.Next(7))
            {
                case 0:
                case 1:
                    var retryAfter = RetryAfters[random.Next(RetryAfters.Length)];
                    builder.Header("Retry-After", retryAfter);
                    added.Add("Retry-After");
                    break;
                case 2:
                    builder.Header(random.Next(2) == 0 ? "x-application-error-code" : "X-Application-Status-Code", "50\u000117\u0007\u007f");
                    added.Add("code header with control characters");
                    break;
                case 3:
                    builder.Header("X-Application-Error-Code", new string((char)('A' + random.Next(26)), 10 * 1024));
                    added.Add("code header of 10 KB");
                    break;
                case 4:
                    builder.Header("x-application-error-code", [0xE9, 0xFF, 0x80, (byte)'5', (byte)'0', (byte)'1', (byte)'7']);
                    added.Add("code header with bytes above 0x7F");
                    break;
                case 5:
                    builder.Header("X-Application-Error-Code", string.Empty);
                    builder.Header("X-Application-Error-Code", "5031");
                    builder.Header("X-Application-Error-Code", "3009");
                    added.Add("code header three times");
                    break;
                default:
                    builder.Header("Content-Type", "application/json\u0001; charset=\u00ff");
                    added.Add("Content-Type with control characters");
                    break;
            }
        }

        return " (" + string.Join(", ", added) + ")";
    }

    /// <summary>Seeded byte mutations: delete, duplicate, swap, flip bits, insert bytes, turn a digit into a quote.</summary>
    private static byte[] Fuzz(byte[] json, Random random)
    {
        var bytes = new List<byte>(json);
        for (var i = random.Next(1, 9); i > 0 && bytes.Count > 1; i--)
        {
            var at = random.Next(bytes.Count);
            var length = Math.Min(random.Next(1, 8), bytes.Count - at);
            switch (random.Next(6))
            {
                case 0:
                    bytes.RemoveRange(at, length);
                    break;
                case 1:
                    bytes.InsertRange(at, bytes.GetRange(at, length));
                    break;
                case 2:
                    var other = random.Next(bytes.Count);
                    (bytes[at], bytes[other]) = (bytes[other], bytes[at]);
                    break;
                case 3:
                    bytes[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 4:
                    bytes.InsertRange(at, "{}[]\":,\\0e-+ \u00e9"u8.ToArray().OrderBy(_ => random.Next()).Take(length));
                    break;
                default:
                    bytes[at] = "\"{}[],:"u8[random.Next(7)];
                    break;
            }
        }

        return [.. bytes];
    }

    /// <summary>Base64 that is not ciphertext, or real PTS ciphertext (under the client's safecode) of a cut or fuzzed envelope.</summary>
    private byte[] CipherText(string json, Random random)
    {
        string text;
        switch (random.Next(4))
        {
            case 0:
                text = Convert.ToBase64String(RandomBytes(random, 16 * random.Next(1, 8)));
                break;
            case 1:
                text = "not base64 at all ==";
                break;
            default:
                using (var aes = Aes.Create())
                {
                    aes.Key = _pagarStarSafeCode;
                    var plain = random.Next(2) == 0 ? Fuzz(Encoding.UTF8.GetBytes(json), random) : Encoding.UTF8.GetBytes(json[..random.Next(json.Length)]);
#pragma warning disable CA5358 // PTS specifies AES-ECB.
                    text = Convert.ToBase64String(aes.EncryptEcb(plain, PaddingMode.PKCS7));
#pragma warning restore CA5358
                }

                break;
        }

        return Encoding.ASCII.GetBytes(random.Next(5) == 0 ? " \r\n" + text + "\n" : text);
    }

    private static string BreakStatusLine(RawResponseBuilder builder, int status, Random random)
    {
        var code = status.ToString(CultureInfo.InvariantCulture);
        (builder.StatusLine, var what) = random.Next(8) switch
        {
            0 => ($"HTTP/1.1 {code}0 OK", "four-digit status"),
            1 => ("HTTP/1.1 abc OK", "status not a number"),
            2 => ($"HTTP/2.0 {code} OK", "HTTP/2.0 on an HTTP/1.1 connection"),
            3 => ("HTTP/1.1 099 Too Low", "status below 100"),
            4 => ($"ICY {code} OK", "not HTTP"),
            5 => ($"HTTP/1.1 {code} Bad\u0001Reason\u00ff", "control characters in the reason"),
            6 => ($"HTTP/1.1  {code}  OK", "two spaces"),
            _ => ($"HTTP/1.1 {code} OK", "bare LF line endings"),
        };
        if (what == "bare LF line endings")
        {
            builder.LineEnd = "\n";
        }

        return " (" + what + ")";
    }

    /// <summary>The body compressed as a server does it; deflate is zlib-wrapped (RFC 9110) or, as some servers send it, raw.</summary>
    private static byte[] Compress(byte[] plain, string encoding, Random random, out string variant)
    {
        variant = string.Empty;
        if (encoding == "deflate" && random.Next(3) == 0)
        {
            variant = ", raw";
            using var output = new MemoryStream();
            using (var deflate = new DeflateStream(output, CompressionLevel.Fastest, leaveOpen: true))
            {
                deflate.Write(plain);
            }

            return output.ToArray();
        }

        return WireEncoding.Encode(plain, encoding);
    }

    /// <summary>Breaks a compressed body: its first byte, its data from a third of the way on, or its second half cut off.</summary>
    private static string Corrupt(byte[] encoded, Random random, out byte[] corrupt)
    {
        corrupt = [.. encoded];
        switch (random.Next(3))
        {
            case 0:
                corrupt[0] ^= 0xFF;
                return ", header broken";
            case 1:
                for (var i = corrupt.Length / 3; i < corrupt.Length; i += 3)
                {
                    corrupt[i] ^= 0xA5;
                }

                return ", data scrambled";
            default:
                corrupt = corrupt[..(corrupt.Length / 2)];
                return ", cut in half";
        }
    }

    private static byte[] RandomBytes(Random random, int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }
}
