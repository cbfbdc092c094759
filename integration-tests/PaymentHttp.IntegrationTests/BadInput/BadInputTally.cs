using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace PaymentHttp.IntegrationTests.BadInput;

/// <summary>
/// Thread-safe counts of a bad-input run per provider, and the calls that broke a rule (kept up to a bound): an
/// exception other than <see cref="PaymentProviderException"/>, a call that needed a timeout to end, a typed exception
/// that names the wrong provider or the wrong HTTP status, a "success" that is not 2xx.
/// </summary>
public sealed class BadInputTally
{
    private const int MaxKeptProblems = 60;

    private readonly ConcurrentDictionary<(PaymentProvider Provider, string Outcome), int> _outcomes = new();
    private readonly ConcurrentDictionary<MalformedResponseKind, int> _kinds = new();
    private readonly ConcurrentQueue<string> _problems = new();
    private readonly ConcurrentDictionary<string, int> _problemKinds = new(StringComparer.Ordinal);
    private int _problemCount;
    private long _slowestTicks;

    public int ProblemCount => Volatile.Read(ref _problemCount);

    public IReadOnlyList<string> Problems => [.. _problems];

    public TimeSpan Slowest => TimeSpan.FromTicks(Interlocked.Read(ref _slowestTicks));

    public void Record(GeneratedResponse response, string outcome, TimeSpan elapsed)
    {
        _outcomes.AddOrUpdate((response.Provider, outcome), 1, static (_, n) => n + 1);
        _kinds.AddOrUpdate(response.Kind, 1, static (_, n) => n + 1);
        long seen;
        while (elapsed.Ticks > (seen = Interlocked.Read(ref _slowestTicks)) && Interlocked.CompareExchange(ref _slowestTicks, elapsed.Ticks, seen) != seen)
        {
        }
    }

    /// <summary>Records a broken rule; keeps a few examples of each kind of problem, so that a rare one is not crowded out.</summary>
    public void Problem(GeneratedResponse response, string what)
    {
        Interlocked.Increment(ref _problemCount);
        var signature = response.Kind + ": " + what[..Math.Min(what.Length, 40)];
        if (_problemKinds.AddOrUpdate(signature, 1, static (_, n) => n + 1) <= 3 && _problems.Count < MaxKeptProblems)
        {
            _problems.Enqueue($"{response}: {what}");
        }
    }

    public int Calls(PaymentProvider provider) => _outcomes.Where(p => p.Key.Provider == provider).Sum(p => p.Value);

    public SortedDictionary<string, int> Outcomes(PaymentProvider provider) =>
        new(_outcomes.Where(p => p.Key.Provider == provider).ToDictionary(p => p.Key.Outcome, p => p.Value), StringComparer.Ordinal);

    public SortedDictionary<string, int> Kinds() => new(_kinds.ToDictionary(p => p.Key.ToString(), p => p.Value), StringComparer.Ordinal);

    public string Describe(IReadOnlyDictionary<PaymentProvider, int> served, TimeSpan elapsed, int seed)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Bad-input run, seed {seed}: {served.Values.Sum()} malformed responses served in {elapsed.TotalSeconds:0.0} s, slowest call {Slowest.TotalMilliseconds:0} ms");
        text.AppendLine();
        text.AppendLine("| Provider | Responses served | Outcomes |");
        text.AppendLine("|---|---|---|");
        foreach (var provider in Enum.GetValues<PaymentProvider>())
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {provider} | {served.GetValueOrDefault(provider)} | {string.Join(", ", Outcomes(provider).Select(p => $"{p.Key} {p.Value}"))} |");
        }

        text.AppendLine();
        text.AppendLine("Kinds: " + string.Join(", ", Kinds().Select(p => $"{p.Key} {p.Value}")));
        return text.ToString();
    }
}
