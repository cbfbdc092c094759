using System.Globalization;
using System.Net.Http.Headers;

namespace PaymentHttp;

/// <summary>
/// Reads <c>Retry-After</c> from the raw header, in both of its forms (delta seconds and an HTTP date) and of any
/// size. System.Net's own parser gives up on a delta beyond <see cref="int.MaxValue"/> seconds, which would turn
/// "wait a very long time" into "no wait asked" and let a rate-limited payment be retried at once.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Delta seconds: digits of any length, after trimming (a fraction such as <c>1.5</c> is accepted too).</item>
/// <item>HTTP date: IMF-fixdate, RFC 850 or asctime, any year .NET can represent; a date in the past is no wait.</item>
/// <item>Several values (repeated header lines or a comma list): the longest wait wins, because retrying sooner than
/// any of them asked is the unsafe side.</item>
/// <item>Negative numbers, blanks and garbage are not a wait: they are ignored, as if the header were absent.</item>
/// <item>The wait is capped at <see cref="MaxWait"/>: a longer one, or one too large to represent, reads as
/// <see cref="MaxWait"/>. Any wait past <c>Retry.MaxDelay</c> (at most one day) is never slept, so the cap changes
/// no decision; it keeps <see cref="ProviderError.RetryAfter"/> a value a caller can pass to a scheduler.</item>
/// </list>
/// </remarks>
internal static class RetryAfterHeader
{
    /// <summary>The longest wait reported: longer than any allowed <c>Retry.MaxDelay</c>, and usable with <see cref="Task.Delay(TimeSpan)"/>.</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromDays(30);

    private const string HeaderName = "Retry-After";

    /// <summary>A hostile header cannot make the parse expensive: parts past this many are ignored.</summary>
    private const int MaxParts = 32;

    private static readonly string[] DateFormats =
    [
        "r",                                  // IMF-fixdate: Sun, 06 Nov 1994 08:49:37 GMT
        "dddd, dd'-'MMM'-'yy HH':'mm':'ss 'GMT'", // RFC 850: Sunday, 06-Nov-94 08:49:37 GMT
        "ddd MMM d HH':'mm':'ss yyyy",        // asctime: Sun Nov  6 08:49:37 1994
        "ddd, d MMM yyyy HH':'mm':'ss 'GMT'", // lenient: single-digit day
        "ddd, dd MMM yyyy HH':'mm':'ss 'UTC'",
    ];

    /// <summary>
    /// Returns the wait the provider asked for, or <see langword="null"/> when there is no valid header.
    /// A date in the past means no wait.
    /// </summary>
    public static TimeSpan? Read(HttpResponseHeaders headers, TimeProvider timeProvider)
    {
        if (!headers.NonValidated.TryGetValues(HeaderName, out var values))
        {
            return null; // the common case: no parse, no allocation
        }

        TimeSpan? longest = null;
        var parts = 0;
        foreach (var value in values)
        {
            if (ReadValue(value, timeProvider, ref parts) is { } wait && (longest is null || wait > longest))
            {
                longest = wait;
            }
        }

        return longest;
    }

    /// <summary>
    /// One header value: a delta, a date, or a comma list of them. An HTTP date has a comma of its own after the day
    /// name, so a part that is not a wait is tried again joined with the next part.
    /// </summary>
    private static TimeSpan? ReadValue(string value, TimeProvider timeProvider, ref int parts)
    {
        TimeSpan? longest = null;
        var rest = value.AsSpan();
        while (!rest.IsEmpty && parts < MaxParts)
        {
            parts++;
            var part = NextPart(ref rest);
            if (!TryReadOne(part, timeProvider, out var wait))
            {
                var afterPart = rest;
                var joined = string.Concat(part, ", ", NextPart(ref afterPart));
                if (rest.IsEmpty || !TryReadOne(joined, timeProvider, out wait))
                {
                    continue; // not a wait: ignored
                }

                rest = afterPart;
            }

            if (longest is null || wait > longest)
            {
                longest = wait;
            }
        }

        return longest;
    }

    private static ReadOnlySpan<char> NextPart(ref ReadOnlySpan<char> rest)
    {
        var comma = rest.IndexOf(',');
        var part = (comma < 0 ? rest : rest[..comma]).Trim();
        rest = comma < 0 ? [] : rest[(comma + 1)..];
        return part;
    }

    private static bool TryReadOne(ReadOnlySpan<char> text, TimeProvider timeProvider, out TimeSpan wait)
    {
        wait = TimeSpan.Zero;
        if (text.IsEmpty)
        {
            return false;
        }

        if (char.IsAsciiDigit(text[0]))
        {
            return TryReadSeconds(text, out wait);
        }

        if (DateTimeOffset.TryParseExact(
                text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowInnerWhite | DateTimeStyles.AssumeUniversal, out var date))
        {
            var left = date - timeProvider.GetUtcNow();
            wait = left <= TimeSpan.Zero ? TimeSpan.Zero : Cap(left);
            return true;
        }

        return false;
    }

    /// <summary>Digits of any length, optionally with a fraction; a count too large for a <see cref="TimeSpan"/> is capped, not lost.</summary>
    private static bool TryReadSeconds(ReadOnlySpan<char> text, out TimeSpan wait)
    {
        wait = TimeSpan.Zero;
        var dot = text.IndexOf('.');
        var whole = dot < 0 ? text : text[..dot];
        var fraction = dot < 0 ? [] : text[(dot + 1)..];
        if (!IsDigits(whole) || (dot >= 0 && !IsDigits(fraction)))
        {
            return false;
        }

        var capSeconds = (long)MaxWait.TotalSeconds;
        var significant = whole.TrimStart('0');
        if (significant.Length > 12 || long.Parse(significant.IsEmpty ? "0" : significant, NumberStyles.None, CultureInfo.InvariantCulture) >= capSeconds)
        {
            wait = MaxWait;
            return true;
        }

        var seconds = double.Parse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        wait = Cap(TimeSpan.FromSeconds(seconds));
        return true;
    }

    private static bool IsDigits(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static TimeSpan Cap(TimeSpan wait) => wait > MaxWait ? MaxWait : wait;
}
