using System.Text.Json.Nodes;

namespace PaymentHttp.IntegrationTests.Infrastructure;

/// <summary>One stub mapping as written in a mapping file: what it matches and what it says about itself.</summary>
public sealed record WireMockMapping(
    string File,
    string Id,
    string Method,
    string UrlPath,
    int? ResponseStatus,
    string? ScenarioName,
    JsonObject? Metadata)
{
    /// <summary>Gets the provider named by <c>metadata.provider</c>, or <see langword="null"/> for the generic fault, delay and scenario mappings.</summary>
    public PaymentProvider? Provider => Metadata?["provider"]?.GetValue<string>() is { } name ? Enum.Parse<PaymentProvider>(name) : null;

    public static WireMockMapping Parse(string file, JsonObject mapping)
    {
        var request = mapping["request"]?.AsObject() ?? throw Invalid(file, "has a mapping without request");
        return new WireMockMapping(
            file,
            mapping["id"]?.GetValue<string>() ?? throw Invalid(file, "has a mapping without id"),
            request["method"]?.GetValue<string>() ?? throw Invalid(file, "has a mapping without request.method"),
            request["urlPath"]?.GetValue<string>() ?? throw Invalid(file, "has a mapping without request.urlPath"),
            mapping["response"]?["status"]?.GetValue<int>(),
            mapping["scenarioName"]?.GetValue<string>(),
            mapping["metadata"]?.AsObject());
    }

    private static InvalidDataException Invalid(string file, string problem) => new($"Mapping file {file} {problem}.");
}
