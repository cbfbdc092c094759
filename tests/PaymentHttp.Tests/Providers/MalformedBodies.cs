using System.Text;

namespace PaymentHttp.Tests.Providers;

/// <summary>
/// Bodies no provider should send, built as bytes. Some stand alone (an HTML error page, 10,000 levels of nesting);
/// others wrap a provider's valid, deciding envelope (behind a BOM, inside a top-level array, past the body limit),
/// so that a test can tell "classified by the code" from "classified by the HTTP status".
/// </summary>
internal static class MalformedBodies
{
    /// <summary>Comfortably past the 64 KiB default of <see cref="PaymentProviderClientOptions.MaxErrorBodyBytes"/>.</summary>
    public const int OverLimitBytes = 1024 * 1024;

    public const int NestingLevels = 10_000;

    /// <summary>Bytes that are not valid UTF-8: a lead byte with a bad continuation, and a byte UTF-8 never uses.</summary>
    public static readonly byte[] InvalidUtf8 = [0xC3, 0x28, 0xFF, 0xFE];

    /// <summary>
    /// The body of one malformed <paramref name="kind"/>; <paramref name="envelope"/> is the provider's valid
    /// envelope (a JSON object) for the kinds that wrap one.
    /// </summary>
    public static byte[] For(string kind, string envelope) => kind switch
    {
        "empty" => [],
        "whitespace" => Utf8(" \r\n\t \n "),
        "html page" => Utf8("<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1><p>nginx</p></body></html>"),
        "plain text" => Utf8("Internal Server Error: upstream connect error or disconnect/reset before headers"),
        "json null" => Utf8("null"),
        "json string" => Utf8("\"error\""),
        "binary" => [0x00, 0x01, 0x7B, 0xFF, 0xFE, 0x7D, 0x00],
        "top-level array" => Utf8("[" + envelope + "]"),
        "nested objects" => Utf8(NestedObjects(NestingLevels)),
        "nested arrays" => Utf8(new string('[', NestingLevels) + new string(']', NestingLevels)),
        "nested before the code" => Utf8("{\"deep\":" + NestedObjects(NestingLevels) + "," + envelope[1..]),
        "nested after the code" => Utf8(envelope[..^1] + ",\"deep\":" + NestedObjects(NestingLevels) + "}"),
        "bom" => [.. Encoding.UTF8.GetPreamble(), .. Utf8(envelope)],
        "bom and whitespace" => [.. Encoding.UTF8.GetPreamble(), .. Utf8(" \r\n" + envelope)],
        "over the limit, code first" => Utf8(envelope[..^1] + ",\"padding\":\"" + new string('x', OverLimitBytes) + "\"}"),
        "over the limit, code last" => Utf8("{\"padding\":\"" + new string('x', OverLimitBytes) + "\"," + envelope[1..]),
        "invalid utf-8 after the code" => [.. Utf8(envelope[..^1] + ",\"note\":\""), .. InvalidUtf8, .. Utf8("\"}")],
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "No such malformed body."),
    };

    /// <summary>Text with invalid UTF-8 bytes at each <c>¤</c> mark.</summary>
    public static byte[] WithInvalidUtf8(string text)
    {
        var parts = text.Split('¤');
        var bytes = new List<byte>(Utf8(parts[0]));
        foreach (var part in parts.Skip(1))
        {
            bytes.AddRange(InvalidUtf8);
            bytes.AddRange(Utf8(part));
        }

        return [.. bytes];
    }

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static string NestedObjects(int levels)
    {
        var text = new StringBuilder(levels * 6);
        text.Insert(0, "{\"a\":", levels).Append('1').Append('}', levels);
        return text.ToString();
    }
}
