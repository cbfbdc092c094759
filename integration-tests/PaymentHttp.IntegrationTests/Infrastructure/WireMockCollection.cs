namespace PaymentHttp.IntegrationTests.Infrastructure;

/// <summary>
/// One WireMock process for every test in the collection. The tests run one at a time (they share the request
/// journal and scenario state) and each resets WireMock before it starts.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class WireMockCollection : ICollectionFixture<WireMockServerFixture>
{
    public const string Name = "WireMock";
}
