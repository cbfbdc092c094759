using System.Reflection;
using System.Text.Json.Nodes;
using PaymentHttp.IntegrationTests.Infrastructure;
using WireMock.Admin.Mappings;

namespace PaymentHttp.IntegrationTests.WireMock;

/// <summary>
/// The mapping files under integration-tests/wiremock/mappings are meant to be loaded into anyone's WireMock.Net: they
/// must all load, use only its mapping model, each must answer on its own path, and each provider mapping must say
/// what PaymentHttp makes of it.
/// </summary>
public sealed class MappingFileTests : WireMockTest
{
    public MappingFileTests(WireMockServerFixture server)
        : base(server)
    {
    }

    [Fact]
    public void EveryMappingFile_IsServedByWireMockAfterReset()
    {
        var served = Server.MappingGuids;

        served.Order().ShouldBe(WireMockMappingFiles.All.Select(mapping => mapping.Guid).Order());
    }

    /// <summary>
    /// WireMock.Net ignores a property it does not know, so a WireMock (Java) spelling such as <c>urlPath</c>,
    /// <c>fixedDelayMilliseconds</c> or <c>requiredScenarioState</c> would load and silently match or answer otherwise.
    /// </summary>
    [Fact]
    public void EveryMappingFile_UsesOnlyPropertiesOfWireMockNetsMappingModel()
    {
        var unknown = new List<string>();
        foreach (var (file, mappings) in WireMockMappingFiles.ReadJson())
        {
            foreach (var mapping in mappings)
            {
                unknown.AddRange(UnknownProperties(file, mapping, typeof(MappingModel)));
                unknown.AddRange(UnknownProperties(file + " Request", mapping["Request"] as JsonObject, typeof(RequestModel)));
                unknown.AddRange(UnknownProperties(file + " Response", mapping["Response"] as JsonObject, typeof(ResponseModel)));
            }
        }

        unknown.ShouldBeEmpty();
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

    private static IEnumerable<string> UnknownProperties(string where, JsonObject? json, Type model)
    {
        if (json is null)
        {
            return [$"{where} is missing"];
        }

        var known = model.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(property => property.Name).ToHashSet(StringComparer.Ordinal);
        return json.Select(property => property.Key).Where(name => !known.Contains(name)).Select(name => $"{where}: {name}");
    }
}
