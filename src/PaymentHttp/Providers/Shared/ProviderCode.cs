using System.Globalization;
using System.Text;

namespace PaymentHttp;

/// <summary>
/// The one place a provider's error code is put into its canonical text, whatever the provider wrote, so that every
/// table lookup, override and metric tag sees the same code for the same value.
/// </summary>
/// <remarks>
/// The rule: a number with an integral value is written as a plain integer (<c>1</c>, <c>1.0</c>, <c>1e0</c>,
/// <c>10E-1</c> and <c>-0</c> become <c>"1"</c> … <c>"0"</c>); a string that holds a JSON number is that number
/// (<c>"1"</c>, <c>"1.0"</c>, <c>" 1e0 "</c> become <c>"1"</c>); a non-integral number stays as written
/// (<c>1.5</c> is <c>"1.5"</c>). Anything else is the provider's label, kept as written after trimming: a leading
/// zero is not a JSON number, so <c>"007"</c> stays <c>"007"</c> (zero-padded codes are labels some providers use, and
/// guessing that <c>"05"</c> means <c>5</c> could give a code the meaning of another). An empty code is no code.
/// </remarks>
internal static class ProviderCode
{
    /// <summary>Integers longer than this are kept as written rather than expanded (<c>1e999999</c>).</summary>
    private const int MaxIntegerDigits = 40;

    /// <summary>Normalises a code that arrived as text (a JSON string or a header value).</summary>
    public static string? Normalize(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var trimmed = text.AsSpan().Trim();
        if (trimmed.IsEmpty)
        {
            return null;
        }

        if (trimmed.Length <= 64 && IsAsciiNumberStart(trimmed[0]))
        {
            Span<byte> ascii = stackalloc byte[trimmed.Length];
            if (Encoding.ASCII.TryGetBytes(trimmed, ascii, out var written) && TryCanonicalInteger(ascii[..written], out var integer))
            {
                return integer;
            }
        }

        return trimmed.Length == text.Length ? text : trimmed.ToString();
    }

    /// <summary>Normalises a code that arrived as a JSON number token (its UTF-8 text, never escaped).</summary>
    public static string FromJsonNumber(ReadOnlySpan<byte> number) =>
        TryCanonicalInteger(number, out var integer) ? integer : Encoding.UTF8.GetString(number);

    private static bool IsAsciiNumberStart(char c) => c is '-' or (>= '0' and <= '9');

    /// <summary>
    /// Parses a JSON number (RFC 8259 grammar, exactly) and writes it as a plain integer when its value is integral.
    /// Exact: digits are moved, never converted through a floating-point or decimal type that could round.
    /// </summary>
    private static bool TryCanonicalInteger(ReadOnlySpan<byte> text, out string integer)
    {
        integer = string.Empty;
        var i = 0;
        var negative = i < text.Length && text[i] == (byte)'-';
        if (negative)
        {
            i++;
        }

        var intStart = i;
        if (i < text.Length && text[i] == (byte)'0')
        {
            i++;
        }
        else
        {
            while (i < text.Length && IsDigit(text[i]))
            {
                i++;
            }
        }

        var intDigits = text[intStart..i];
        if (intDigits.IsEmpty)
        {
            return false;
        }

        var fraction = ReadOnlySpan<byte>.Empty;
        if (i < text.Length && text[i] == (byte)'.')
        {
            var fracStart = ++i;
            while (i < text.Length && IsDigit(text[i]))
            {
                i++;
            }

            fraction = text[fracStart..i];
            if (fraction.IsEmpty)
            {
                return false;
            }
        }

        long exponent = 0;
        if (i < text.Length && (text[i] | 0x20) == (byte)'e')
        {
            i++;
            var exponentNegative = false;
            if (i < text.Length && text[i] is (byte)'+' or (byte)'-')
            {
                exponentNegative = text[i] == (byte)'-';
                i++;
            }

            var expStart = i;
            while (i < text.Length && IsDigit(text[i]))
            {
                exponent = Math.Min(exponent * 10 + (text[i] - '0'), 1_000_000); // past any length we would expand
                i++;
            }

            if (i == expStart)
            {
                return false;
            }

            exponent = exponentNegative ? -exponent : exponent;
        }

        if (i != text.Length)
        {
            return false; // not a JSON number: a label such as "007", "12a" or "1.0.0"
        }

        // value = digits(int + fraction) × 10^(exponent - fraction length); drop the zeros that do not change it.
        var digits = new StringBuilder(intDigits.Length + fraction.Length);
        foreach (var b in intDigits)
        {
            digits.Append((char)b);
        }

        foreach (var b in fraction)
        {
            digits.Append((char)b);
        }

        var scale = exponent - fraction.Length;
        while (digits.Length > 0 && digits[^1] == '0' && scale < 0)
        {
            digits.Length--;
            scale++;
        }

        var leading = 0;
        while (leading < digits.Length && digits[leading] == '0')
        {
            leading++;
        }

        digits.Remove(0, leading);
        if (digits.Length == 0)
        {
            integer = "0"; // 0, -0, 0.000, 0e5
            return true;
        }

        if (scale < 0 || digits.Length + scale > MaxIntegerDigits)
        {
            return false; // not integral (1.5, 1e-1), or too long to be a code anyone wrote as an integer
        }

        digits.Append('0', (int)scale);
        if (negative)
        {
            digits.Insert(0, '-');
        }

        integer = digits.ToString();
        return true;
    }

    private static bool IsDigit(byte b) => b is >= (byte)'0' and <= (byte)'9';

    /// <summary>Whether <paramref name="code"/> is a canonical non-negative integer: digits, no leading zero.</summary>
    public static bool IsCanonicalNatural(string code, out long value)
    {
        value = 0;
        return code.Length > 0
            && (code[0] != '0' || code.Length == 1)
            && long.TryParse(code, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }
}
