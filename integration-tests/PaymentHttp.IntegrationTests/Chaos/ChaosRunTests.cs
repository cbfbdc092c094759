using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using PaymentHttp.IntegrationTests.Infrastructure;
using PaymentHttp.IntegrationTests.Sandbox;
using PaymentHttp.Testing;
using Xunit.Abstractions;

namespace PaymentHttp.IntegrationTests.Chaos;

/// <summary>
/// Thousands of payment POSTs across the five providers through the full pipeline over loopback sockets, about 30%
/// of them hit by one to three faults of every kind the sandbox offers (redirects, compressed, chunked and corrupt
/// compressed answers among them), chosen from one seed. The money rule is
/// checked on every payment: never charged twice, never an exception other than a typed one, every outcome that may
/// hide a charge reconciled against the ledger, and every outcome one the rule allows (<see cref="ChaosOracle"/>).
/// </summary>
[Collection(LoadTestCollection.Name)]
public sealed class ChaosRunTests
{
    public const string SeedVariable = "PAYMENTHTTP_CHAOS_SEED";

    private const int DefaultSeed = 20261121;
    private const int Payments = 2_500;
    private const int InFlight = 12;
    private static readonly TimeSpan RunLimit = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan LookupLimit = TimeSpan.FromSeconds(60);

    private readonly ITestOutputHelper _output;

    public ChaosRunTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public async Task MixedFaultsOnThousandsOfPayments_NoDuplicateNoUntypedExceptionEveryUnknownReconciled()
    {
        var seed = Environment.GetEnvironmentVariable(SeedVariable) is { Length: > 0 } text
            ? int.Parse(text, CultureInfo.InvariantCulture)
            : DefaultSeed;
        _output.WriteLine($"Chaos seed {seed} (replay with {SeedVariable}={seed})");
        var payments = new ChaosPaymentGenerator(seed, heldResponse: TimeSpan.FromSeconds(5)).Generate(Payments);
        var oracle = new ChaosOracle(ChaosClients.MaxRetryAttempts, ChaosClients.MaxDelay);
        var observations = payments.Select(payment => new ChaosObservation(payment, oracle.Expect(payment))).ToArray();

        await using var sandbox = await ProviderSandbox.StartAsync();
        var logs = new CapturedLogs();
        using var clients = new ChaosClients(sandbox, logs);

        await WarmUpAsync(clients);
        var requestsBefore = SandboxRequests.Providers.Sum(sandbox.RequestCount);
        var attemptsBefore = clients.TotalAttempts.Count;

        var run = Stopwatch.StartNew();
        using (var limit = new CancellationTokenSource(RunLimit))
        {
            await Parallel.ForEachAsync(
                observations,
                new ParallelOptions { MaxDegreeOfParallelism = InFlight, CancellationToken = limit.Token },
                (observation, cancellationToken) => new ValueTask(PayAsync(sandbox, clients, observation, cancellationToken)));
        }

        run.Stop();
        var serverRequests = SandboxRequests.Providers.Sum(sandbox.RequestCount) - requestsBefore;
        var httpAttempts = clients.TotalAttempts.Count - attemptsBefore;

        var reconciliation = Stopwatch.StartNew();
        foreach (var observation in observations.Where(o => o.FaultsTaken < o.Payment.Plan.Count))
        {
            sandbox.Faults.Plan(observation.Payment.Provider, observation.Payment.Reference); // lookups must not take leftovers
        }

        using (var limit = new CancellationTokenSource(LookupLimit))
        {
            await Parallel.ForEachAsync(
                observations,
                new ParallelOptions { MaxDegreeOfParallelism = InFlight, CancellationToken = limit.Token },
                (observation, cancellationToken) => new ValueTask(ReconcileAsync(sandbox, clients, observation, cancellationToken)));
        }

        reconciliation.Stop();
        var figures = ChaosFigures.From(seed, DateTimeOffset.UtcNow, observations, sandbox.Ledger, serverRequests, httpAttempts, run.Elapsed, reconciliation.Elapsed);
        Report(figures);
        foreach (var stalled in observations.Where(o => o.StalledAttempts > 0))
        {
            _output.WriteLine("Stalled, not compared with the oracle: " + stalled);
        }

        var unexpected = observations.Where(o => o.Unexpected is not null).ToList();
        unexpected.ShouldBeEmpty("calls ended in an exception other than PaymentProviderException:\n" + Describe(unexpected));
        figures.Duplicates.ShouldBe(0, "references charged twice:\n" + Describe(observations.Where(o => o.Charges > 1)));
        figures.Unreconciled.ShouldBe(0, "lookups that disagree with the ledger:\n" + Describe(observations.Where(o => o.LookupDisagreement is not null)));
        figures.OracleMismatches.ShouldBe(0, "outcomes the money rule does not allow:\n" + Describe(observations.Where(o => !o.MatchesOracle)));
        figures.PaymentsWithStalledAttempts.ShouldBeLessThanOrEqualTo(Payments / 100, "attempts timed out with no planned delay:\n" + Describe(observations.Where(o => o.StalledAttempts > 0)));
        observations.Where(o => o.Outcome == ChaosOutcome.Success && o.Charges != 1).ShouldBeEmpty("a success must be charged exactly once");
        observations.Where(o => o.Failure is { } failure && failure.Attempts != o.Attempts)
            .ShouldBeEmpty("PaymentProviderException.Attempts must count every HTTP attempt");
        observations.Where(o => o.Failure is ProviderCircuitOpenException).ShouldBeEmpty("the breaker is set so that this fault rate cannot open it");
        logs.Count(CapturedLogs.ClassifierFailedEvent).ShouldBe(0, string.Join('\n', logs.Kept));

        figures.Requests.ShouldBeGreaterThanOrEqualTo(2_000);
        figures.RequestsPerClient.Count.ShouldBe(ChaosClientNames.All.Count);
        figures.FaultedShare.ShouldBeGreaterThanOrEqualTo(0.25);
        figures.FaultedShare.ShouldBeLessThanOrEqualTo(0.35);
        figures.FaultsInjectedPerKind.ShouldAllBe(kind => kind.Value >= 25, "every fault kind must be met often");
        foreach (var status in new[] { 301, 302, 303, 307, 308 })
        {
            figures.WireFaultsInjected.Where(p => p.Key.StartsWith($"Redirect({status},", StringComparison.Ordinal)).Sum(p => p.Value)
                .ShouldBeGreaterThanOrEqualTo(5, $"redirect {status} must be met often");
        }

        figures.WireFaultsInjected.Keys.Count(k => k.StartsWith("Redirect(", StringComparison.Ordinal)).ShouldBe(10, "every redirect status, to the same origin and to another");
        foreach (var encoding in new[] { "gzip", "deflate", "br" })
        {
            figures.WireFaultsInjected.GetValueOrDefault($"Compressed({encoding})").ShouldBeGreaterThanOrEqualTo(5);
            figures.WireFaultsInjected.GetValueOrDefault($"CorruptCompressed({encoding})").ShouldBeGreaterThanOrEqualTo(5);
        }

        figures.OutcomesPerType.GetValueOrDefault(nameof(ProviderOutcomeUnknownException)).ShouldBeGreaterThan(50);
        figures.OutcomeUnknownChargedOnce.ShouldBeGreaterThan(0);
        figures.OutcomeUnknownNotCharged.ShouldBeGreaterThan(0);
        figures.HttpAttempts.ShouldBe(figures.ServerRequests + figures.RefusedConnections, "every attempt either reached the server or was refused");
        figures.Charges.ShouldBe(observations.Sum(o => o.Charges), "nothing outside the run was charged");
        run.Elapsed.ShouldBeLessThan(RunLimit);
    }

    /// <summary>
    /// Opens the connections and runs every handler once before the clock matters: the first call of a cold process
    /// can take longer than the 500 ms attempt timeout, which would make the oracle's outcome for the first payments
    /// depend on start-up time.
    /// </summary>
    private static async Task WarmUpAsync(ChaosClients clients)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await Task.WhenAll(ChaosClientNames.All.SelectMany(client => Enumerable.Range(0, InFlight).Select(async i =>
        {
            try
            {
                await ReferenceLookup.TransactionIdsAsync(clients[client.Name], client.Provider, "warm-up-" + i, limit.Token);
            }
            catch (PaymentProviderException)
            {
                // A slow first lookup is retried or fails; either way the process is warm afterwards.
            }
        })));
    }

    private static async Task PayAsync(ProviderSandbox sandbox, ChaosClients clients, ChaosObservation observation, CancellationToken cancellationToken)
    {
        var payment = observation.Payment;
        if (payment.Plan.Count > 0)
        {
            sandbox.Faults.Plan(payment.Provider, payment.Reference, [.. payment.Plan]);
        }

        var tally = new AttemptTally();
        using var request = payment.CreateRequest();
        request.Options.Set(AttemptTally.Key, tally);
        try
        {
            using var response = await clients[payment.ClientName].SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            observation.Outcome = ReadSuccess(payment.Provider, body);
        }
        catch (PaymentProviderException failure)
        {
            observation.Failure = failure;
            observation.Outcome = failure.GetType().Name;
            if (failure is not ProviderCircuitOpenException && observation.Outcome != ChaosOutcome.ExceptionFor(failure.Category))
            {
                observation.Outcome += "/" + failure.Category; // a type that does not stand for its category
            }
        }
#pragma warning disable CA1031 // Anything else is exactly what the test is looking for: record it and report it.
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            observation.Unexpected = exception;
            observation.Outcome = exception.GetType().Name;
        }

        observation.Attempts = tally.Count;
        observation.FaultsTaken = payment.Plan.Count - sandbox.Faults.Remaining(payment.Provider, payment.Reference);
        var delaysTaken = payment.Plan.Take(observation.FaultsTaken).Count(fault => fault.Kind == SandboxFaultKind.Delay);
        observation.StalledAttempts = Math.Max(0, tally.TimedOut - delaysTaken);
    }

    /// <summary>A success whose body parses must be the provider's approval; one that does not parse is reported as such.</summary>
    private static string ReadSuccess(PaymentProvider provider, byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return ProviderBodies.IsApproved(provider, document.RootElement) ? ChaosOutcome.Success : "SuccessNotApproved";
        }
        catch (JsonException)
        {
            return ChaosOutcome.SuccessWithUnreadableBody;
        }
    }

    private static async Task ReconcileAsync(ProviderSandbox sandbox, ChaosClients clients, ChaosObservation observation, CancellationToken cancellationToken)
    {
        var payment = observation.Payment;
        var charges = sandbox.Ledger.ChargesOf(payment.Provider, payment.Reference);
        observation.Charges = charges.Count;
        try
        {
            var found = await ReferenceLookup.TransactionIdsAsync(clients[payment.ClientName], payment.Provider, payment.Reference, cancellationToken);
            observation.LookedUp = found;
            IEnumerable<string> inLedger = ReferenceLookup.ListsEveryCharge(payment.Provider)
                ? charges.Select(c => c.TransactionId)
                : charges.Take(1).Select(c => c.TransactionId);
            if (!found.Order(StringComparer.Ordinal).SequenceEqual(inLedger.Order(StringComparer.Ordinal)))
            {
                observation.LookupDisagreement = $"lookup found [{string.Join(", ", found)}], ledger has [{string.Join(", ", charges.Select(c => c.TransactionId))}]";
            }
            else if (charges.Any(c => c.Amount != payment.Amount))
            {
                observation.LookupDisagreement = $"charged {charges[0].Amount}, requested {payment.Amount}";
            }
        }
#pragma warning disable CA1031 // A lookup that fails is an unreconciled payment: report it with the rest.
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            observation.LookupDisagreement = "lookup failed: " + exception.GetType().Name + ": " + exception.Message;
        }
    }

    private void Report(ChaosFigures figures)
    {
        var markdown = figures.ToMarkdown();
        _output.WriteLine(markdown);
        var directory = Path.Combine(AppContext.BaseDirectory, "chaos");
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "chaos-summary.json"), figures.ToJson());
        File.WriteAllText(Path.Combine(directory, "chaos-summary.md"), markdown);
        _output.WriteLine("Summary written to " + directory);
    }

    private static string Describe(IEnumerable<ChaosObservation> observations)
    {
        var list = observations.ToList();
        return string.Join('\n', list.Take(25)) + (list.Count > 25 ? $"\n... and {list.Count - 25} more" : string.Empty);
    }
}
