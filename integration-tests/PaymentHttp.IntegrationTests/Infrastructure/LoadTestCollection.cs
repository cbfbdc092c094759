namespace PaymentHttp.IntegrationTests.Infrastructure;

/// <summary>
/// The chaos and bad-input runs: thousands of requests each, with timing that matters (attempt timeouts, breaker
/// break durations). They run alone, one at a time, after the parallel tests, so that they neither slow the other
/// tests down nor are slowed down by them on a small machine.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LoadTestCollection
{
    public const string Name = "Load";
}
