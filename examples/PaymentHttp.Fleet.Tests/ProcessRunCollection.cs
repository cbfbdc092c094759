namespace PaymentHttp.Fleet.Tests;

/// <summary>Runs that start worker processes and measure rates: one at a time, so they do not slow each other down.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessRunCollection
{
    public const string Name = "Process runs";
}
