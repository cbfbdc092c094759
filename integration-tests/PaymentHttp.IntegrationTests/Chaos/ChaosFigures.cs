using System.Globalization;
using System.Text;
using System.Text.Json;
using PaymentHttp.Testing;

namespace PaymentHttp.IntegrationTests.Chaos;

/// <summary>The numbers of one chaos run, for the test output, a JSON and a Markdown summary, and the README.</summary>
public sealed record ChaosFigures
{
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };

    public required int Seed { get; init; }

    public required string Date { get; init; }

    public required int Requests { get; init; }

    public required SortedDictionary<string, int> RequestsPerClient { get; init; }

    public required int WithIdempotencyKey { get; init; }

    public required int MarkedIdempotent { get; init; }

    public required int RequestsWithFaultPlan { get; init; }

    public required int RequestsHitByFaults { get; init; }

    public required SortedDictionary<string, int> FaultsPlannedPerKind { get; init; }

    public required SortedDictionary<string, int> FaultsInjectedPerKind { get; init; }

    /// <summary>Gets the redirect, compressed and corrupt-compressed faults injected, per status and origin or per encoding (<c>Redirect(303, another origin)</c>, <c>Compressed(br)</c>).</summary>
    public required SortedDictionary<string, int> WireFaultsInjected { get; init; }

    public required SortedDictionary<string, int> OutcomesPerType { get; init; }

    public required int Charges { get; init; }

    public required int Duplicates { get; init; }

    public required int OutcomeUnknown { get; init; }

    /// <summary>Gets how many successes with a cut (unparseable) body were not charged: declines whose code the cut removed.</summary>
    public required int UnreadableSuccessesNotCharged { get; init; }

    public required int OutcomeUnknownChargedOnce { get; init; }

    public required int OutcomeUnknownNotCharged { get; init; }

    public required int Unreconciled { get; init; }

    public required int OracleMismatches { get; init; }

    /// <summary>Gets how many payments had an attempt time out with no planned delay (the machine stalled); see <see cref="ChaosObservation.StalledAttempts"/>.</summary>
    public required int PaymentsWithStalledAttempts { get; init; }

    public required int UnexpectedExceptions { get; init; }

    public required int HttpAttempts { get; init; }

    public required int ServerRequests { get; init; }

    public required int RefusedConnections { get; init; }

    public required int RetriedCalls { get; init; }

    public required double ElapsedSeconds { get; init; }

    public required double ReconciliationSeconds { get; init; }

    public double FaultedShare => (double)RequestsHitByFaults / Requests;

    public static ChaosFigures From(int seed, DateTimeOffset date, IReadOnlyList<ChaosObservation> observations, SandboxLedger ledger, int serverRequests, int httpAttempts, TimeSpan elapsed, TimeSpan reconciliation)
    {
        var injected = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var planned = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var kind in ChaosPaymentGenerator.InjectedKinds)
        {
            injected[kind.ToString()] = 0;
            planned[kind.ToString()] = 0;
        }

        foreach (var observation in observations)
        {
            var plan = observation.Payment.Plan;
            for (var i = 0; i < plan.Count; i++)
            {
                planned[plan[i].Kind.ToString()]++;
                if (i < observation.FaultsTaken)
                {
                    injected[plan[i].Kind.ToString()]++;
                }
            }
        }

        var wire = observations
            .SelectMany(o => o.Payment.Plan.Take(o.FaultsTaken))
            .Where(f => f.Kind is SandboxFaultKind.Redirect or SandboxFaultKind.Compressed or SandboxFaultKind.CorruptCompressed)
            .Select(f => f.ToString());
        var unknown = observations.Where(o => o.Outcome == nameof(ProviderOutcomeUnknownException)).ToList();
        return new ChaosFigures
        {
            Seed = seed,
            Date = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Requests = observations.Count,
            RequestsPerClient = Count(observations.Select(o => o.Payment.ClientName)),
            WithIdempotencyKey = observations.Count(o => o.Payment.IdempotencyKey is not null),
            MarkedIdempotent = observations.Count(o => o.Payment.MarkedIdempotent),
            RequestsWithFaultPlan = observations.Count(o => o.Payment.Plan.Count > 0),
            RequestsHitByFaults = observations.Count(o => o.FaultsTaken > 0),
            FaultsPlannedPerKind = planned,
            FaultsInjectedPerKind = injected,
            WireFaultsInjected = Count(wire),
            OutcomesPerType = Count(observations.Select(o => o.Outcome)),
            Charges = ledger.Charges.Count,
            Duplicates = ledger.Charges.GroupBy(c => (c.Provider, c.MerchantReference)).Count(g => g.Count() > 1),
            OutcomeUnknown = unknown.Count,
            UnreadableSuccessesNotCharged = observations.Count(o => o.Outcome == ChaosOutcome.SuccessWithUnreadableBody && o.Charges == 0),
            OutcomeUnknownChargedOnce = unknown.Count(o => o.Charges == 1 && o.LookupDisagreement is null),
            OutcomeUnknownNotCharged = unknown.Count(o => o.Charges == 0 && o.LookupDisagreement is null),
            Unreconciled = observations.Count(o => o.LookupDisagreement is not null || o.Charges > 1),
            OracleMismatches = observations.Count(o => !o.MatchesOracle),
            PaymentsWithStalledAttempts = observations.Count(o => o.StalledAttempts > 0),
            UnexpectedExceptions = observations.Count(o => o.Unexpected is not null),
            HttpAttempts = httpAttempts,
            ServerRequests = serverRequests,
            RefusedConnections = injected[nameof(SandboxFaultKind.Refuse)],
            RetriedCalls = observations.Count(o => o.Attempts > 1),
            ElapsedSeconds = Math.Round(elapsed.TotalSeconds, 2),
            ReconciliationSeconds = Math.Round(reconciliation.TotalSeconds, 2),
        };
    }

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Chaos run, seed {Seed}, {Date}");
        text.AppendLine();
        text.AppendLine("| Figure | Value |");
        text.AppendLine("|---|---|");
        Row(text, "Payment POSTs (per client)", $"{Requests} ({Join(RequestsPerClient)})");
        Row(text, "Safe to repeat", $"{WithIdempotencyKey} with `Idempotency-Key`, {MarkedIdempotent} `MarkAsIdempotent()`");
        Row(text, "Hit by faults", $"{RequestsHitByFaults} ({FaultedShare:P1}); {RequestsWithFaultPlan} had a plan of 1–3 faults");
        Row(text, "Faults injected (planned)", string.Join(", ", FaultsInjectedPerKind.Select(p => $"{p.Key} {p.Value} ({FaultsPlannedPerKind[p.Key]})")));
        Row(text, "Redirects and encodings injected", Join(WireFaultsInjected));
        Row(text, "Outcomes", Join(OutcomesPerType));
        Row(text, "Cut success bodies not charged", UnreadableSuccessesNotCharged.ToString(CultureInfo.InvariantCulture));
        Row(text, "Charges in the ledger", Charges.ToString(CultureInfo.InvariantCulture));
        Row(text, "References charged twice", Duplicates.ToString(CultureInfo.InvariantCulture));
        Row(text, "`ProviderOutcomeUnknownException` reconciled", $"{OutcomeUnknown}: {OutcomeUnknownChargedOnce} charged once, {OutcomeUnknownNotCharged} not charged");
        Row(text, "Unreconciled (lookup ≠ ledger, or charged twice)", Unreconciled.ToString(CultureInfo.InvariantCulture));
        Row(text, "Outcomes the money rule does not allow", $"{OracleMismatches} (compared: {Requests - PaymentsWithStalledAttempts}; {PaymentsWithStalledAttempts} had an attempt stalled past the timeout by the machine)");
        Row(text, "Exceptions other than `PaymentProviderException`", UnexpectedExceptions.ToString(CultureInfo.InvariantCulture));
        Row(text, "HTTP attempts", $"{HttpAttempts} ({ServerRequests} reached the server, {RefusedConnections} refused); {RetriedCalls} calls retried");
        Row(text, "Elapsed", $"{ElapsedSeconds:0.0} s (+ {ReconciliationSeconds:0.0} s of lookups)");
        return text.ToString();
    }

    private static void Row(StringBuilder text, string name, string value) => text.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {value} |");

    private static string Join(SortedDictionary<string, int> counts) => string.Join(", ", counts.Select(p => $"{p.Key} {p.Value}"));

    private static SortedDictionary<string, int> Count(IEnumerable<string> names)
    {
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            counts[name] = counts.GetValueOrDefault(name) + 1;
        }

        return counts;
    }
}
