using System.Text.Json.Nodes;

namespace PaymentHttp.IntegrationTests.Infrastructure;

/// <summary>
/// Reads the mapping files under <c>integration-tests/wiremock/mappings/</c>: a file holds one mapping (a JSON object),
/// or the steps of a stateful scenario (a JSON array), as WireMock.Net's static mappings do. Paths are relative to the
/// mappings folder, with forward slashes.
/// </summary>
public static class WireMockMappingFiles
{
    private static readonly Lazy<IReadOnlyList<WireMockMapping>> AllMappings = new(ReadAll);

    /// <summary>Gets every mapping of every file, in file order.</summary>
    public static IReadOnlyList<WireMockMapping> All => AllMappings.Value;

    /// <summary>Gets the mapping of a one-mapping file.</summary>
    public static WireMockMapping Single(string file) => All.Single(mapping => mapping.File == file);

    /// <summary>Gets each file (relative path) with its parsed JSON mappings, for checks of the format itself.</summary>
    public static IReadOnlyList<(string File, IReadOnlyList<JsonObject> Mappings)> ReadJson()
    {
        var directory = WireMockFolders.MappingsDirectory;
        var files = new List<(string, IReadOnlyList<JsonObject>)>();
        foreach (var path in Directory.EnumerateFiles(directory, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var file = Path.GetRelativePath(directory, path).Replace('\\', '/');
            var document = JsonNode.Parse(File.ReadAllText(path));
            IReadOnlyList<JsonObject> entries = document switch
            {
                JsonArray many => [.. many.Select(entry => entry as JsonObject ?? throw new InvalidDataException($"Mapping file {file} has an entry that is not a JSON object."))],
                JsonObject one => [one],
                _ => throw new InvalidDataException($"Mapping file {file} is neither a JSON object nor an array."),
            };
            files.Add((file, entries));
        }

        return files;
    }

    private static List<WireMockMapping> ReadAll() =>
        [.. ReadJson().SelectMany(file => file.Mappings.Select(mapping => WireMockMapping.Parse(file.File, mapping)))];
}
