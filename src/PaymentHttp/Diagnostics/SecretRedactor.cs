using System.Text.RegularExpressions;

namespace PaymentHttp;

/// <summary>
/// Removes secrets from text that came from a provider before it reaches an exception message, a log or a trace:
/// card numbers (13 to 19 digits, spaces or dashes allowed, passing the Luhn check) keep only their last four
/// digits; CVV/CVC values, bearer and basic credentials, API keys, safecodes, secrets and passwords are replaced.
/// </summary>
internal static partial class SecretRedactor
{
    public const string Redacted = "[REDACTED]";

    // Words that can introduce a secret the regular expressions below remove.
    private static readonly string[] SecretWords =
    [
        "cvv", "cvc", "cid", "csc", "security", "bearer", "basic", "key", "secret", "safe", "password", "authorization", "token",
    ];

    /// <summary>Returns the text with secrets removed; the same instance when there was nothing to remove.</summary>
    public static string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!MayHoldSecret(text))
        {
            return text; // the common case: no digits run, no credential words
        }

        try
        {
            var redacted = CardNumber().Replace(text, static match => IsLuhnValid(match.Value) ? MaskCard(match.Value) : match.Value);
            redacted = SecurityCode().Replace(redacted, static match => match.Groups["name"].Value + match.Groups["sep"].Value + "***");
            redacted = SchemeCredential().Replace(redacted, static match => match.Groups["scheme"].Value + " " + Redacted);
            return NamedCredential().Replace(redacted, static match => match.Groups["name"].Value + match.Groups["sep"].Value + Redacted);
        }
        catch (RegexMatchTimeoutException)
        {
            return Redacted; // pathological input: drop it rather than risk leaking
        }
    }

    /// <summary>
    /// A cheap test run before any regular expression: a run of 13 or more digits (spaces and dashes allowed between
    /// them) could be a card number; a credential or security-code word could introduce a secret. Ordinary provider
    /// messages ("HTTP 400", "code 1035") have neither.
    /// </summary>
    private static bool MayHoldSecret(string text)
    {
        var digits = 0;
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c))
            {
                if (++digits >= 13)
                {
                    return true;
                }
            }
            else if (c is not (' ' or '-'))
            {
                digits = 0;
            }
        }

        foreach (var word in SecretWords)
        {
            if (text.Contains(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsLuhnValid(string candidate)
    {
        var sum = 0;
        var count = 0;
        var doubleIt = false;
        for (var i = candidate.Length - 1; i >= 0; i--)
        {
            var c = candidate[i];
            if (!char.IsAsciiDigit(c))
            {
                continue;
            }

            var digit = c - '0';
            if (doubleIt && (digit *= 2) > 9)
            {
                digit -= 9;
            }

            sum += digit;
            count++;
            doubleIt = !doubleIt;
        }

        return count is >= 13 and <= 19 && sum % 10 == 0;
    }

    private static string MaskCard(string card)
    {
        Span<char> lastFour = stackalloc char[4];
        var found = 0;
        for (var i = card.Length - 1; i >= 0 && found < 4; i--)
        {
            if (char.IsAsciiDigit(card[i]))
            {
                lastFour[3 - found++] = card[i];
            }
        }

        return "[card ****" + new string(lastFour) + "]";
    }

    // 13 to 19 digits, optionally grouped by single spaces or dashes, not part of a longer number.
    [GeneratedRegex(@"(?<!\d)\d(?:[ -]?\d){12,18}(?!\d)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex CardNumber();

    [GeneratedRegex(@"(?<name>\b(?:cvv2?|cvc2?|cid|csc|security[_ -]?code)\b[""']?)(?<sep>\s*[:=]\s*[""']?)\d{3,4}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex SecurityCode();

    // "Bearer eyJhbGciOi..." or "Basic dXNlcjpwYXNz": the scheme, then a token with a digit or base64 symbol in it
    // (so that "basic validation failed" stays as it is).
    [GeneratedRegex(@"\b(?<scheme>bearer|basic)\s+(?=[A-Za-z0-9+/=._~-]*[0-9+/=])[A-Za-z0-9+/=._~-]{8,}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex SchemeCredential();

    // "X-API-KEY: abc", "api_key=abc", "\"safecode\":\"abc\"", "password=abc": a credential name, a separator, a value.
    [GeneratedRegex(@"(?<name>\b(?:x-api-key|api[_-]?key|authorization|access[_-]?token|safe[_-]?code|transaction[_-]?secret|client[_-]?secret|secret|password)[""']?)(?<sep>\s*[:=]\s*[""']?)(?!\[REDACTED\])[^\s""',;&}]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex NamedCredential();
}
