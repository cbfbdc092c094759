using System.Text;

namespace PaymentHttp;

/// <summary>
/// Finds bare base64 basic credentials — a base64 word that decodes to printable <c>id:secret</c> — in text, with no
/// scheme word in front (<c>credential dXNlcjpwYXNz rejected</c>). A word of prose almost never decodes to printable
/// text with a colon inside, so the test is precise; it decodes on the stack and allocates nothing.
/// </summary>
internal static class Base64Credential
{
    private const int MinLength = 8;

    // Longer words are not credentials a provider echoes; the whole header value is redacted by value anyway.
    private const int MaxLength = 1024;

    /// <summary>Whether the text holds a base64 basic credential.</summary>
    public static bool Contains(string text)
    {
        for (var start = 0; NextWord(text, ref start, out var length); start += length)
        {
            if (IsCredential(text.AsSpan(start, length)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Returns the text with every base64 basic credential replaced; the same instance when there is none.</summary>
    public static string Redact(string text)
    {
        StringBuilder? redacted = null;
        var copied = 0;
        for (var start = 0; NextWord(text, ref start, out var length); start += length)
        {
            if (IsCredential(text.AsSpan(start, length)))
            {
                redacted ??= new StringBuilder(text.Length);
                redacted.Append(text, copied, start - copied).Append(SecretRedactor.Redacted);
                copied = start + length;
            }
        }

        return redacted is null ? text : redacted.Append(text, copied, text.Length - copied).ToString();
    }

    /// <summary>Finds the next maximal run of base64 characters (with up to two '=' at its end) from <paramref name="start"/>.</summary>
    private static bool NextWord(string text, ref int start, out int length)
    {
        while (start < text.Length && !IsBase64Char(text[start]))
        {
            start++;
        }

        var end = start;
        while (end < text.Length && IsBase64Char(text[end]))
        {
            end++;
        }

        for (var padding = 0; padding < 2 && end < text.Length && text[end] == '='; padding++)
        {
            end++;
        }

        length = end - start;
        return length > 0;
    }

    private static bool IsCredential(ReadOnlySpan<char> word)
    {
        if (word.Length is < MinLength or > MaxLength || word.Length % 4 != 0)
        {
            return false;
        }

        Span<byte> decoded = stackalloc byte[MaxLength / 4 * 3];
        if (!Convert.TryFromBase64Chars(word, decoded, out var written))
        {
            return false;
        }

        foreach (var b in decoded[..written])
        {
            if (b is < 0x20 or > 0x7E)
            {
                return false; // binary, not text
            }
        }

        var colon = decoded[..written].IndexOf((byte)':');
        return colon > 0 && colon < written - 1;
    }

    private static bool IsBase64Char(char c) => char.IsAsciiLetterOrDigit(c) || c is '+' or '/';
}
