using System.Text.Json.Nodes;

namespace PaymentHttp.IntegrationTests.Infrastructure;

/// <summary>
/// Reads the mapping files under <c>integration-tests/wiremock/mappings/</c>: a file holds one mapping, or several
/// under <c>"mappings"</c> (a stateful scenario). Paths are relative to the mappings folder, with forward slashes.
/// </summary>
public static class WireMockMappingFiles
{
    private static readonly Lazy<IReadOnlyList<WireMockMapping>> AllMappings = new(ReadAll);

    /// <summary>Gets every mapping of every file, in file order.</summary>
    public static IReadOnlyList<WireMockMapping> All => AllMappings.Value;

    /// <summary>Gets the mapping of a one-mapping file.</summary>
    public static WireMockMapping Single(string file) => All.Single(mapping => mapping.File == file);

    private static List<WireMockMapping> ReadAll()
    {
        var directory = WireMockInstallation.Locate().MappingsDirectory;
        var mappings = new List<WireMockMapping>();
        foreach (var path in Directory.EnumerateFiles(directory, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var file = Path.GetRelativePath(directory, path).Replace('\\', '/');
            var document = JsonNode.Parse(File.ReadAllText(path))?.AsObject()
                ?? throw new InvalidDataException($"Mapping file {file} is not a JSON object.");
            var entries = document["mappings"] is JsonArray many
                ? many.Select(entry => entry?.AsObject() ?? throw new InvalidDataException($"Mapping file {file} has a null mapping."))
                : [document];
            mappings.AddRange(entries.Select(entry => WireMockMapping.Parse(file, entry)));
        }

        return mappings;
    }
}
