using PaymentHttp.IntegrationTests.Infrastructure;

namespace PaymentHttp.IntegrationTests.WireMock;

/// <summary>
/// The mapping files under integration-tests/wiremock/mappings are meant to be loaded into anyone's WireMock: they
/// must all load, each must answer on its own path, and each provider mapping must say what PaymentHttp makes of it.
/// </summary>
public sealed class MappingFileTests : WireMockTest
{
    public MappingFileTests(WireMockServerFixture server)
        : base(server)
    {
    }

    [Fact]
    public async Task EveryMappingFile_IsServedByWireMockAfterReset()
    {
        var served = await Server.Admin.GetMappingIdsAsync();

        served.Order(StringComparer.Ordinal).ShouldBe(WireMockMappingFiles.All.Select(mapping => mapping.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void EveryMapping_HasItsOwnUrlPath_ExceptTheStepsOfOneScenario()
    {
        var shared = WireMockMappingFiles.All
            .GroupBy(mapping => mapping.UrlPath)
            .Where(paths => paths.Count() > 1 && (paths.Any(mapping => mapping.ScenarioName is null) || paths.Select(mapping => mapping.ScenarioName).Distinct().Count() > 1))
            .Select(paths => paths.Key);

        shared.ShouldBeEmpty();
    }

    [Fact]
    public void EveryProviderMapping_StatesAnOutcomePaymentHttpCanProduce()
    {
        var exceptionTypes = typeof(PaymentProviderException).Assembly.GetExportedTypes()
            .Where(type => type.IsSubclassOf(typeof(PaymentProviderException)))
            .Select(type => type.Name)
            .ToHashSet(StringComparer.Ordinal);

        var providerMappings = WireMockMappingFiles.All.Where(mapping => mapping.Provider is not null).ToList();

        providerMappings.ShouldNotBeEmpty();
        foreach (var mapping in providerMappings)
        {
            var outcome = ExpectedProviderOutcome.From(mapping).ShouldNotBeNull($"{mapping.File} has no metadata.{ExpectedProviderOutcome.MetadataKey}");
            outcome.Requests.ShouldBeGreaterThan(0, mapping.File);
            if (!outcome.IsSuccess)
            {
                exceptionTypes.ShouldContain(outcome.ExceptionTypeName.ShouldNotBeNull(mapping.File), mapping.File);
            }

            (outcome.HttpStatusAloneGives is null).ShouldBe(outcome.DecidedByHttpStatus, $"{mapping.File}: httpStatusAloneGives is stated exactly when the provider code decides");
        }
    }
}
