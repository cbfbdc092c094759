using System.Diagnostics;
using System.Globalization;
using System.Text;
using PaymentHttp.IntegrationTests.Infrastructure;
using Polly.Timeout;
using Xunit.Abstractions;

namespace PaymentHttp.IntegrationTests.BadInput;

/// <summary>
/// At least 10,000 generated malformed responses per provider, served byte for byte by a real HTTP/1.1 server on
/// loopback and read through the full PaymentHttp pipeline: whatever arrives — cut or invalid JSON, wrong types,
/// 10,000-deep nesting, invalid UTF-8, wrong content types, garbage headers, empty bodies, fuzzed envelopes, lying
/// framing, fake ciphertext, broken status lines, compressed bodies valid and corrupt (every encoding, with
/// AutomaticDecompression on for odd indexes and off for even ones), chunked and close-delimited framing, 3xx with and
/// without <c>Location</c> — a call ends in a success or a typed
/// <see cref="PaymentProviderException"/>, never in anything else, never by a timeout, and no classifier throws.
/// </summary>
[Collection(LoadTestCollection.Name)]
public sealed class MalformedResponseTests
{
    public const string SeedVariable = "PAYMENTHTTP_BAD_INPUT_SEED";

    private const int DefaultSeed = 20261121;
    private const int PerProvider = 10_000;
    private const int RetryingPerProvider = 500;
    private const int InFlight = 16;
    private static readonly TimeSpan RunLimit = TimeSpan.FromSeconds(150);
    private static readonly TimeSpan CallLimit = TimeSpan.FromSeconds(10);

    private readonly ITestOutputHelper _output;

    public MalformedResponseTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public async Task TenThousandMalformedResponsesPerProvider_OnlySuccessesOrTypedExceptions_NeverAHang_ClassifierNeverThrows()
    {
        var seed = Environment.GetEnvironmentVariable(SeedVariable) is { Length: > 0 } text
            ? int.Parse(text, CultureInfo.InvariantCulture)
            : DefaultSeed;
        _output.WriteLine($"Bad-input seed {seed} (replay with {SeedVariable}={seed})");
        var generator = new MalformedResponseGenerator(seed);
        await using var server = RawHttpServer.Start();
        var logs = new CapturedLogs();
        using var clients = new BadInputClients(server.BaseAddress, logs);
        var tally = new BadInputTally();
        var served = Enum.GetValues<PaymentProvider>().ToDictionary(provider => provider, _ => 0);
        var work = Enum.GetValues<PaymentProvider>()
            .SelectMany(provider => Enumerable.Range(0, PerProvider + RetryingPerProvider).Select(index => (Provider: provider, Index: index)))
            .ToArray();

        var run = Stopwatch.StartNew();
        using (var limit = new CancellationTokenSource(RunLimit))
        {
            await Parallel.ForEachAsync(
                work,
                new ParallelOptions { MaxDegreeOfParallelism = InFlight, CancellationToken = limit.Token },
                async (item, cancellationToken) =>
                {
                    var response = generator.Generate(item.Provider, item.Index);
                    var exchange = server.Add(item.Provider.ToString(), response.Response);
                    try
                    {
                        await CallAsync(clients.Client(item.Provider, retrying: item.Index >= PerProvider, decompressing: item.Index % 2 == 1), response, RawHttpServer.PathOf(exchange), tally, cancellationToken);
                    }
                    finally
                    {
                        server.Remove(exchange);
                        if (exchange.Served > 0)
                        {
                            lock (served)
                            {
                                served[item.Provider]++;
                            }
                        }
                    }
                });
        }

        run.Stop();
        var summary = tally.Describe(served, run.Elapsed, seed);
        _output.WriteLine(summary);
        WriteSummary(summary);

        tally.Problems.ShouldBeEmpty($"{tally.ProblemCount} calls broke a rule; the first ones:\n" + string.Join('\n', tally.Problems));
        logs.Count(CapturedLogs.ClassifierFailedEvent).ShouldBe(0, "a classifier threw:\n" + string.Join('\n', logs.Kept));
        foreach (var provider in Enum.GetValues<PaymentProvider>())
        {
            tally.Calls(provider).ShouldBe(PerProvider + RetryingPerProvider);
            served[provider].ShouldBeGreaterThanOrEqualTo(PerProvider, $"{provider}: responses that reached the client over the socket");
        }

        var kinds = tally.Kinds();
        foreach (var kind in new[] { MalformedResponseKind.CompressedBody, MalformedResponseKind.CorruptCompressedBody, MalformedResponseKind.Redirect })
        {
            kinds.GetValueOrDefault(kind.ToString()).ShouldBeGreaterThanOrEqualTo(1_000, $"{kind} must be met often");
        }

        server.UnknownRequests.ShouldBe(0);
        run.Elapsed.ShouldBeLessThan(RunLimit);
    }

    private static async Task CallAsync(HttpClient client, GeneratedResponse generated, string path, BadInputTally tally, CancellationToken runToken)
    {
        using var callLimit = CancellationTokenSource.CreateLinkedTokenSource(runToken);
        callLimit.CancelAfter(CallLimit);
        using var request = generated.Index % 10 == 0
            ? new HttpRequestMessage(HttpMethod.Get, path)
            : new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent("""{"reference":"bad-input","amount":100}""", Encoding.UTF8, "application/json") };
        var started = Stopwatch.GetTimestamp();
        string outcome;
        try
        {
            using var response = await client.SendAsync(request, callLimit.Token);
            await response.Content.ReadAsByteArrayAsync(callLimit.Token);
            outcome = "Success";
            if ((int)response.StatusCode is < 200 or > 299)
            {
                tally.Problem(generated, $"passed through as a success with HTTP {(int)response.StatusCode}");
            }
        }
        catch (PaymentProviderException failure)
        {
            outcome = failure.GetType().Name;
            if (failure.InnerException is TimeoutRejectedException)
            {
                tally.Problem(generated, "ended only by the attempt timeout: " + failure.Message);
            }

            if (failure.Provider != generated.Provider)
            {
                tally.Problem(generated, $"{outcome} names provider {failure.Provider}");
            }

            if (generated.StatusLineValid && failure.StatusCode is { } status && (int)status != generated.Status)
            {
                tally.Problem(generated, $"{outcome} says HTTP {(int)status}");
            }
        }
#pragma warning disable CA1031 // Anything else is what this test looks for: record it with the response that caused it.
        catch (Exception exception) when (!runToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            outcome = exception.GetType().Name;
            tally.Problem(generated, callLimit.IsCancellationRequested
                ? $"did not end within {CallLimit.TotalSeconds} s"
                : $"threw {exception.GetType().FullName}: {exception.Message}");
        }

        tally.Record(generated, outcome, Stopwatch.GetElapsedTime(started));
    }

    private static void WriteSummary(string summary)
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "bad-input");
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "bad-input-summary.md"), summary);
    }
}
