using System.Buffers;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Unicode;

namespace PaymentHttp;

/// <summary>
/// The secrets one request carried, for redaction by value: each credential header's whole value, its token after
/// the scheme (<c>Bearer</c>, <c>Basic</c>, any other), for a base64 token its decoded <c>id:secret</c> and each
/// part, the percent-encoded form of each, and the client's fixed secrets. Nothing is copied: the values are read
/// from the request's headers when text is redacted, and compared as spans, so text that holds none of them is
/// returned as the same instance without allocating.
/// </summary>
internal readonly struct RequestSecrets
{
    /// <summary>Values shorter than this are not matched: they would replace ordinary words, and guard nothing.</summary>
    public const int MinimumLength = 4;

    // A token longer than this is not decoded on the stack (its whole value is still redacted).
    private const int MaxStackChars = 512;

    // Percent-encoding is tried for values up to this long (at most 9 encoded characters per character).
    private const int MaxEncodedChars = 128;

    private static readonly SearchValues<char> Unreserved =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~");

    private readonly ClientSecrets? _client;
    private readonly HttpRequestHeaders? _headers;

    public RequestSecrets(ClientSecrets client, HttpRequestHeaders? headers)
    {
        _client = client;
        _headers = headers;
    }

    /// <summary>Returns the text with every secret value of the request replaced; the same instance when none occurs.</summary>
    public string RedactValues(string text)
    {
        if (_client is not { } client)
        {
            return text;
        }

        foreach (var value in client.Values)
        {
            text = RedactCredential(text, value);
        }

        if (_headers is { } headers)
        {
            var unparsed = headers.NonValidated;
            foreach (var name in client.HeaderNames)
            {
                if (unparsed.TryGetValues(name, out var values))
                {
                    foreach (var value in values)
                    {
                        text = RedactCredential(text, value);
                    }
                }
            }
        }

        return text;
    }

    private static string RedactCredential(string text, ReadOnlySpan<char> value)
    {
        value = value.Trim();
        text = RedactEveryForm(text, value);

        // "Scheme token": the token alone too (a provider may echo it without the scheme).
        var space = value.IndexOfAny(' ', '\t');
        var token = space > 0 ? value[(space + 1)..].Trim() : value;
        if (space > 0)
        {
            text = RedactEveryForm(text, token);
        }

        // A base64 token (Basic, or a key sent as base64): its decoded id:secret, and each part of it.
        if (token.Length is >= 8 and <= MaxStackChars && token.Length % 4 == 0)
        {
            Span<byte> bytes = stackalloc byte[MaxStackChars / 4 * 3];
            Span<char> decoded = stackalloc char[MaxStackChars / 4 * 3];
            if (Convert.TryFromBase64Chars(token, bytes, out var written)
                && Utf8.IsValid(bytes[..written])
                && Encoding.UTF8.TryGetChars(bytes[..written], decoded, out var chars))
            {
                var plain = decoded[..chars];
                text = RedactEveryForm(text, plain);
                var colon = plain.IndexOf(':');
                if (colon >= 0)
                {
                    text = RedactEveryForm(text, plain[..colon]);
                    text = RedactEveryForm(text, plain[(colon + 1)..]);
                }
            }
        }

        return text;
    }

    /// <summary>The value as it is, and percent-encoded (as a provider echoing a query string or form body writes it).</summary>
    private static string RedactEveryForm(string text, ReadOnlySpan<char> value)
    {
        if (value.Length < MinimumLength)
        {
            return text;
        }

        text = Replace(text, value);
        if (value.Length <= MaxEncodedChars && value.ContainsAnyExcept(Unreserved))
        {
            Span<char> encoded = stackalloc char[MaxEncodedChars * 9];
            if (TryPercentEncode(value, encoded, out var length))
            {
                text = Replace(text, encoded[..length]);
            }
        }

        return text;
    }

    /// <summary>RFC 3986 percent-encoding of UTF-8; hex case does not matter because values compare ignoring case.</summary>
    private static bool TryPercentEncode(ReadOnlySpan<char> value, Span<char> destination, out int length)
    {
        length = 0;
        Span<byte> utf8 = stackalloc byte[4];
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (Unreserved.Contains(c))
            {
                destination[length++] = c;
                continue;
            }

            var charCount = char.IsHighSurrogate(c) && i + 1 < value.Length ? 2 : 1;
            if (!Encoding.UTF8.TryGetBytes(value.Slice(i, charCount), utf8, out var bytes))
            {
                return false;
            }

            i += charCount - 1;
            foreach (var b in utf8[..bytes])
            {
                destination[length++] = '%';
                destination[length++] = "0123456789ABCDEF"[b >> 4];
                destination[length++] = "0123456789ABCDEF"[b & 0xF];
            }
        }

        return true;
    }

    /// <summary>Replaces every occurrence, ignoring case; the same instance when there is none.</summary>
    private static string Replace(string text, ReadOnlySpan<char> value)
    {
        var at = text.AsSpan().IndexOf(value, StringComparison.OrdinalIgnoreCase);
        if (at < 0)
        {
            return text;
        }

        var redacted = new StringBuilder(text.Length);
        var rest = text.AsSpan();
        do
        {
            redacted.Append(rest[..at]).Append(SecretRedactor.Redacted);
            rest = rest[(at + value.Length)..];
        }
        while ((at = rest.IndexOf(value, StringComparison.OrdinalIgnoreCase)) >= 0);

        return redacted.Append(rest).ToString();
    }
}
