using System.Reflection;

namespace PaymentHttp.IntegrationTests.Infrastructure;

/// <summary>
/// Where the WireMock standalone jar and the mapping files live. The jar is installed by the test project's build
/// (<c>npm ci</c> in <c>integration-tests/</c>); its version comes from the project file through assembly metadata.
/// </summary>
public sealed class WireMockInstallation
{
    private const int MaxDirectoryLevelsToSearch = 12;

    private WireMockInstallation(string integrationTestsDirectory, string version)
    {
        IntegrationTestsDirectory = integrationTestsDirectory;
        Version = version;
    }

    /// <summary>Gets the repository's <c>integration-tests/</c> folder.</summary>
    public string IntegrationTestsDirectory { get; }

    /// <summary>Gets the WireMock version the project pins.</summary>
    public string Version { get; }

    /// <summary>Gets the standalone jar that <c>npm ci</c> installed.</summary>
    public string JarPath => Path.Combine(IntegrationTestsDirectory, "node_modules", "wiremock", "build", $"wiremock-standalone-{Version}.jar");

    /// <summary>Gets WireMock's root directory: <c>mappings/</c> (loaded at start and on reset) and <c>__files/</c>.</summary>
    public string RootDirectory => Path.Combine(IntegrationTestsDirectory, "wiremock");

    /// <summary>Gets the folder of the mapping files, one subfolder per provider.</summary>
    public string MappingsDirectory => Path.Combine(RootDirectory, "mappings");

    /// <summary>Finds the folders; whether the jar is installed is checked by <see cref="EnsureJarInstalled"/>.</summary>
    public static WireMockInstallation Locate() => new(FindIntegrationTestsDirectory(), ReadPinnedVersion());

    /// <summary>Fails with what to do when the build has not installed the jar.</summary>
    public void EnsureJarInstalled()
    {
        if (!File.Exists(JarPath))
        {
            throw new InvalidOperationException(
                $"WireMock {Version} is not installed: {JarPath} is missing. Building PaymentHttp.IntegrationTests installs it "
                + "(npm ci in integration-tests/); build the project again, or run npm ci there.");
        }
    }

    private static string ReadPinnedVersion() =>
        typeof(WireMockInstallation).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(attribute => attribute.Key == "WireMockVersion")?.Value
        ?? throw new InvalidOperationException("The test assembly has no WireMockVersion metadata; it is set in PaymentHttp.IntegrationTests.csproj.");

    /// <summary>Walks up from the test binaries to the folder holding <c>package.json</c> and <c>wiremock/mappings</c>.</summary>
    private static string FindIntegrationTestsDirectory()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        for (var level = 0; level < MaxDirectoryLevelsToSearch && directory is not null; level++, directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "package.json"))
                && Directory.Exists(Path.Combine(directory.FullName, "wiremock", "mappings")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException(
            $"No integration-tests folder (package.json beside wiremock/mappings) within {MaxDirectoryLevelsToSearch} levels above {AppContext.BaseDirectory}.");
    }
}
