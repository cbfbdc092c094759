namespace PaymentHttp.IntegrationTests.Infrastructure;

/// <summary>Where the WireMock.Net mapping files live: <c>integration-tests/wiremock/mappings/</c>, one subfolder per provider.</summary>
public static class WireMockFolders
{
    private const int MaxDirectoryLevelsToSearch = 12;
    private static readonly Lazy<string> IntegrationTests = new(FindIntegrationTestsDirectory);

    /// <summary>Gets the repository's <c>integration-tests/</c> folder.</summary>
    public static string IntegrationTestsDirectory => IntegrationTests.Value;

    /// <summary>Gets the folder of the mapping files (WireMock.Net's own mapping JSON), read with its subfolders.</summary>
    public static string MappingsDirectory => Path.Combine(IntegrationTestsDirectory, "wiremock", "mappings");

    /// <summary>Walks up from the test binaries to the folder holding both this project and <c>wiremock/mappings</c>.</summary>
    private static string FindIntegrationTestsDirectory()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        for (var level = 0; level < MaxDirectoryLevelsToSearch && directory is not null; level++, directory = directory.Parent)
        {
            if (Directory.Exists(Path.Combine(directory.FullName, "wiremock", "mappings"))
                && Directory.Exists(Path.Combine(directory.FullName, "PaymentHttp.IntegrationTests")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException(
            $"No integration-tests folder (PaymentHttp.IntegrationTests beside wiremock/mappings) within {MaxDirectoryLevelsToSearch} levels above {AppContext.BaseDirectory}.");
    }
}
