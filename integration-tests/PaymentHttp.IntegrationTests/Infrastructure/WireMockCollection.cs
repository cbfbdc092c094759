namespace PaymentHttp.IntegrationTests.Infrastructure;

/// <summary>
/// One WireMock.Net server for every test in the collection. The tests run one at a time (they share the request
/// log and scenario state) and each resets the server before it starts.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class WireMockCollection : ICollectionFixture<WireMockServerFixture>
{
    public const string Name = "WireMock";
}
