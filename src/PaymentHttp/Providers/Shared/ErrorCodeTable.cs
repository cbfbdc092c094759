using System.Collections;
using System.Globalization;

namespace PaymentHttp;

/// <summary>
/// A provider's error codes as data that reads like its documentation: one line per code or group of codes.
/// A key is an exact code (<c>"1035"</c>, <c>"card_declined"</c>), a list (<c>"5040, 5042"</c>), a numeric range
/// (<c>"3001-3027"</c>) or a pattern with <c>*</c> at either end (<c>"PLAN-SUBSCRIPTION-*"</c>). Exact codes win over
/// ranges, ranges over patterns. Codes compare case-insensitively.
/// </summary>
internal sealed class ErrorCodeTable : IEnumerable<KeyValuePair<string, ErrorCodeRule>>
{
    private readonly Dictionary<string, (string Code, ErrorCodeRule Rule)> _exact = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<(long From, long To, ErrorCodeRule Rule)> _ranges = [];
    private readonly List<(string Pattern, ErrorCodeRule Rule)> _patterns = [];

    /// <summary>Adds codes with the retry safety their category has by default.</summary>
    public void Add(string codes, PaymentErrorCategory category) =>
        Add(codes, category, ProviderError.DefaultRetrySafety(category));

    public void Add(string codes, PaymentErrorCategory category, PaymentRetrySafety retrySafety)
    {
        var rule = new ErrorCodeRule(category, retrySafety);
        foreach (var part in codes.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (part.Contains('*', StringComparison.Ordinal))
            {
                _patterns.Add((part, rule));
            }
            else if (TryParseRange(part, out var from, out var to))
            {
                _ranges.Add((from, to, rule));
            }
            else if (!_exact.TryAdd(part, (part, rule)))
            {
                throw new InvalidOperationException($"The error code '{part}' is in the table twice.");
            }
        }
    }

    public bool TryGet(string? code, out ErrorCodeRule rule) => TryFind(code, out rule, out _);

    /// <summary>
    /// The bounded name of a code the table knows, for metric tags: the code as the table writes it for an exact
    /// code (so <c>card_declined</c> and <c>CARD_DECLINED</c> are one value), the code itself for a range (a plain
    /// integer within the range), the pattern for a pattern (<c>PLAN-SUBSCRIPTION-*</c>: a pattern matches
    /// unboundedly many codes). <see langword="null"/> when no rule matches.
    /// </summary>
    public string? KnownSpelling(string? code) => TryFind(code, out _, out var spelling) ? spelling : null;

    private bool TryFind(string? code, out ErrorCodeRule rule, out string? spelling)
    {
        rule = default;
        spelling = null;
        if (string.IsNullOrEmpty(code))
        {
            return false;
        }

        if (_exact.TryGetValue(code, out var exact))
        {
            (spelling, rule) = exact;
            return true;
        }

        if (_ranges.Count > 0 && ProviderCode.IsCanonicalNatural(code, out var number))
        {
            foreach (var (from, to, rangeRule) in _ranges)
            {
                if (number >= from && number <= to)
                {
                    rule = rangeRule;
                    spelling = code;
                    return true;
                }
            }
        }

        foreach (var (pattern, patternRule) in _patterns)
        {
            if (Matches(pattern, code))
            {
                rule = patternRule;
                spelling = pattern;
                return true;
            }
        }

        return false;
    }

    public IEnumerator<KeyValuePair<string, ErrorCodeRule>> GetEnumerator() =>
        _exact.Select(entry => KeyValuePair.Create(entry.Value.Code, entry.Value.Rule)).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static bool TryParseRange(string part, out long from, out long to)
    {
        from = to = 0;
        var dash = part.IndexOf('-', 1);
        return dash > 0
            && long.TryParse(part.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out from)
            && long.TryParse(part.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out to)
            && from <= to;
    }

    private static bool Matches(string pattern, string code)
    {
        var starts = pattern.StartsWith('*');
        var ends = pattern.EndsWith('*');
        var core = pattern.AsSpan(starts ? 1 : 0, pattern.Length - (starts ? 1 : 0) - (ends && pattern.Length > 1 ? 1 : 0));
        return (starts, ends) switch
        {
            (true, true) => code.AsSpan().Contains(core, StringComparison.OrdinalIgnoreCase),
            (true, false) => code.AsSpan().EndsWith(core, StringComparison.OrdinalIgnoreCase),
            _ => code.AsSpan().StartsWith(core, StringComparison.OrdinalIgnoreCase),
        };
    }
}
