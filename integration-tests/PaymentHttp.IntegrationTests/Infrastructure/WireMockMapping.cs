using System.Text.Json.Nodes;

namespace PaymentHttp.IntegrationTests.Infrastructure;

/// <summary>
/// One stub mapping as written in a mapping file (WireMock.Net's mapping JSON): what it matches and what it says about
/// itself in <c>Data</c>.
/// </summary>
public sealed record WireMockMapping(
    string File,
    Guid Guid,
    string Method,
    string UrlPath,
    int? ResponseStatus,
    string? ScenarioName,
    JsonObject? Metadata)
{
    /// <summary>The <see cref="Method"/> of a mapping without <c>Request.Methods</c>: it matches every method.</summary>
    public const string AnyMethod = "ANY";

    /// <summary>Gets the provider named by <c>Data.provider</c>, or <see langword="null"/> for the generic delay, scenario and outage mappings.</summary>
    public PaymentProvider? Provider => Metadata?["provider"]?.GetValue<string>() is { } name ? Enum.Parse<PaymentProvider>(name) : null;

    public static WireMockMapping Parse(string file, JsonObject mapping)
    {
        var request = mapping["Request"]?.AsObject() ?? throw Invalid(file, "has a mapping without Request");
        var methods = request["Methods"]?.AsArray().Select(method => method?.GetValue<string>()).ToList();
        return new WireMockMapping(
            file,
            Guid.Parse(mapping["Guid"]?.GetValue<string>() ?? throw Invalid(file, "has a mapping without Guid")),
            methods switch
            {
                null => AnyMethod,
                [{ } method] => method,
                _ => throw Invalid(file, "has a mapping whose Request.Methods is not one method"),
            },
            request["Path"]?.GetValue<string>() ?? throw Invalid(file, "has a mapping without a Request.Path string"),
            mapping["Response"]?["StatusCode"]?.GetValue<int>(),
            mapping["Scenario"]?.GetValue<string>(),
            mapping["Data"]?.AsObject());
    }

    private static InvalidDataException Invalid(string file, string problem) => new($"Mapping file {file} {problem}.");
}
