using System.Text;
using System.Text.RegularExpressions;

namespace PaymentHttp;

/// <summary>
/// Removes secrets from text that came from a provider or from the wire before it reaches an exception, a log, a
/// trace or a metric. First by value — everything the request carried as a credential (<see cref="RequestSecrets"/>)
/// — then by pattern: card numbers (13 to 19 digits passing the Luhn check, separated by spaces, dashes, dots,
/// <c>+</c> or <c>%20</c>) keep only their last four digits; CVV/CVC values, bearer and basic credentials (also a
/// bare base64 <c>id:secret</c>), API keys (<c>sk_live_…</c>, <c>api_key=…</c> plain, URL-encoded or JSON-escaped),
/// safecodes, secrets and passwords are replaced.
/// </summary>
internal static partial class SecretRedactor
{
    public const string Redacted = "[REDACTED]";

    // Words that can introduce a secret the regular expressions below remove.
    private static readonly string[] SecretWords =
    [
        "cvv", "cvc", "cvn", "cid", "csc", "security", "bearer", "basic", "key", "secret", "safe", "password", "passwd",
        "pwd", "authorization", "token", "sk_", "pk_", "rk_",
    ];

    /// <summary>Returns the text with pattern secrets removed; the same instance when there was nothing to remove.</summary>
    public static string Redact(string text) => Redact(text, default);

    /// <summary>
    /// Returns the text with the request's secrets (by value) and pattern secrets removed; the same instance when
    /// there was nothing to remove. Allocation-free in that case.
    /// </summary>
    public static string Redact(string text, in RequestSecrets secrets)
    {
        ArgumentNullException.ThrowIfNull(text);
        var byValue = secrets.RedactValues(text);
        if (!MayHoldSecret(byValue))
        {
            return byValue; // the common case: no digit run, no credential word, no base64 credential
        }

        string redacted;
        try
        {
            redacted = CardNumber().Replace(byValue, static match => MaskCards(match.Value));
            redacted = SecurityCode().Replace(redacted, static match => match.Groups["name"].Value + match.Groups["sep"].Value + "***");
            redacted = ProviderKey().Replace(redacted, Redacted);
            redacted = SchemeCredential().Replace(redacted, static match => match.Groups["scheme"].Value + " " + Redacted);
            redacted = NamedCredential().Replace(redacted, static match => match.Groups["name"].Value + match.Groups["sep"].Value + Redacted);
            redacted = Base64Credential.Redact(redacted);
        }
        catch (RegexMatchTimeoutException)
        {
            return Redacted; // pathological input: drop it rather than risk leaking
        }

        // A regular expression that matched without changing anything still returns a new string.
        return string.Equals(redacted, byValue, StringComparison.Ordinal) ? byValue : redacted;
    }

    /// <summary>
    /// A cheap test run before any regular expression: a run of 13 or more digits (with the separators a card
    /// number is written with) could be a card number; a credential or security-code word could introduce a secret;
    /// a base64 word that decodes to <c>id:secret</c> is a basic credential. Ordinary provider messages
    /// ("HTTP 400", "code 1035") have none of them.
    /// </summary>
    private static bool MayHoldSecret(string text)
    {
        var digits = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsAsciiDigit(c))
            {
                if (++digits >= 13)
                {
                    return true;
                }
            }
            else if (c == '%' && i + 2 < text.Length && text[i + 1] == '2' && text[i + 2] == '0')
            {
                i += 2; // %20, a URL-encoded space between digit groups
            }
            else if (c is not (' ' or '-' or '.' or '+'))
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

        return Base64Credential.Contains(text);
    }

    /// <summary>
    /// Masks every card number in a run of digit groups: a span of whole groups (digits between separators) that
    /// holds 13 to 19 digits and passes the Luhn check. Groups outside it — an expiry after the number, the next
    /// card — are checked on their own or kept. A group is never split, so that a long id stays as it is.
    /// </summary>
    private static string MaskCards(string run)
    {
        Span<int> positions = run.Length <= 256 ? stackalloc int[run.Length] : new int[run.Length];
        Span<bool> startsGroup = run.Length <= 256 ? stackalloc bool[run.Length] : new bool[run.Length];
        var count = 0;
        var afterSeparator = true;
        for (var i = 0; i < run.Length; i++)
        {
            if (char.IsAsciiDigit(run[i]))
            {
                startsGroup[count] = afterSeparator;
                positions[count++] = i;
                afterSeparator = false;
            }
            else
            {
                if (run[i] == '%')
                {
                    i += 2; // %20: its digits are a separator, not the card's
                }

                afterSeparator = true;
            }
        }

        StringBuilder? masked = null;
        var copied = 0; // index in run up to which the text is copied
        for (var start = 0; start < count;)
        {
            var length = startsGroup[start] ? CardLength(run, positions[start..count], startsGroup[start..count]) : 0;
            if (length == 0)
            {
                start++;
                continue;
            }

            var first = positions[start];
            var last = positions[start + length - 1];
            masked ??= new StringBuilder(run.Length);
            masked.Append(run, copied, first - copied).Append("[card ****");
            for (var d = start + length - 4; d < start + length; d++)
            {
                masked.Append(run[positions[d]]);
            }

            masked.Append(']');
            copied = last + 1;
            start += length;
        }

        return masked is null ? run : masked.Append(run, copied, run.Length - copied).ToString();
    }

    // Card lengths in the order they are common.
    private static ReadOnlySpan<int> CardLengths => [16, 15, 19, 14, 13, 18, 17];

    /// <summary>The length of a Luhn-valid card number of whole groups starting at the first digit, or 0.</summary>
    private static int CardLength(string run, ReadOnlySpan<int> positions, ReadOnlySpan<bool> startsGroup)
    {
        foreach (var length in CardLengths)
        {
            var endsGroup = length == positions.Length || (length < positions.Length && startsGroup[length]);
            if (endsGroup && IsLuhnValid(run, positions[..length]))
            {
                return length;
            }
        }

        return 0;
    }

    private static bool IsLuhnValid(string run, ReadOnlySpan<int> positions)
    {
        var sum = 0;
        var doubleIt = false;
        for (var i = positions.Length - 1; i >= 0; i--)
        {
            var digit = run[positions[i]] - '0';
            if (doubleIt && (digit *= 2) > 9)
            {
                digit -= 9;
            }

            sum += digit;
            doubleIt = !doubleIt;
        }

        return sum % 10 == 0;
    }

    // A run of at least 13 digits, each optionally after up to three spaces, dashes, dots or plus signs, or after %20;
    // not part of a longer number (the hex digits of a percent-escape before it, %20 or %22, do not count). MaskCards
    // finds the cards in it.
    [GeneratedRegex(@"(?:(?<=%[0-9A-Fa-f]{2})|(?<!\d))(?!(?<=%)[0-9A-Fa-f]{2})\d(?:(?:[ .+-]{1,3}|%20)?\d){12,}(?!\d)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex CardNumber();

    // A quote before or after a name may be escaped once or twice (\" or \\\") or URL-encoded (%22); a separator may
    // be URL-encoded (%3A, %3D).
    [GeneratedRegex(@"(?<name>\b(?:cvv2?|cvc2?|cvn|cid|csc|security[_ -]?code)\b(?:\\*[""']|%22)?)(?<sep>\s*(?:[:=]|%3[AaDd])\s*(?:\\*[""']|%22)?)\d{3,4}(?!\d)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex SecurityCode();

    // Stripe-style keys as PlexyPay's compatible API echoes them: sk_live_..., pk_test_..., rk_live_....
    [GeneratedRegex(@"\b(?:sk|pk|rk)_(?:live|test)_[A-Za-z0-9]{4,}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex ProviderKey();

    // "Bearer eyJhbGciOi..." or "Basic dXNlcjpwYXNz": the scheme, then a token with a digit or base64 symbol in it
    // (so that "basic validation failed" stays as it is).
    [GeneratedRegex(@"\b(?<scheme>bearer|basic)(?:\s+|%20|\+)(?=[A-Za-z0-9+/=._~-]*[0-9+/=])[A-Za-z0-9+/=._~-]{8,}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex SchemeCredential();

    // "X-API-KEY: abc", "api_key=abc", "api_key%3Dabc", "{\"api_key\":\"abc\"}", "Invalid API Key provided: abc",
    // "\"safecode\":\"abc\"", "password=abc": a credential name, a separator, a value.
    [GeneratedRegex(@"(?<name>\b(?:x-api-key|api[ _-]?key(?:\s+(?:provided|given|supplied|used))?|authorization|(?:access|refresh|auth|id)[_-]?token|safe[_-]?code|transaction[_-]?secret|client[_-]?secret|secret[_-]?key|secret|password|passwd|pwd)(?:\\*[""']|%22)?)(?<sep>\s*(?:[:=]|%3[AaDd])\s*(?:\\*[""']|%22)?)(?!\[REDACTED\])[^\s""'\\,;&}]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex NamedCredential();
}
