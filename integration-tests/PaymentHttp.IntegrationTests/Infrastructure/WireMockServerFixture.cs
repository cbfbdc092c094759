using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;

namespace PaymentHttp.IntegrationTests.Infrastructure;

/// <summary>
/// Starts one WireMock standalone process (the Java original) on a free loopback port for the test run, waits until
/// its admin API answers, and kills it (with any children) on dispose. Its output is kept for failure messages.
/// </summary>
public sealed class WireMockServerFixture : IAsyncLifetime
{
    private const int MaxStartAttempts = 3;
    private const int MaxOutputLines = 200;
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan ReadinessPollInterval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan ReadinessProbeTimeout = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(10);

    private readonly BoundedOutputLog _output = new(MaxOutputLines);
    private WireMockInstallation? _installation;
    private Process? _process;
    private WireMockAdminClient? _admin;
    private Uri? _baseAddress;

    /// <summary>Gets the server's root, for example <c>http://127.0.0.1:40123/</c>.</summary>
    public Uri BaseAddress => _baseAddress ?? throw NotStarted();

    /// <summary>Gets the client of WireMock's admin API.</summary>
    public WireMockAdminClient Admin => _admin ?? throw NotStarted();

    /// <summary>Gets where the jar and the mapping files are.</summary>
    public WireMockInstallation Installation => _installation ?? throw NotStarted();

    /// <summary>Gets the last lines WireMock wrote, for failure messages.</summary>
    private string Output => _output.ToString();

    public async Task InitializeAsync()
    {
        _installation = WireMockInstallation.Locate();
        _installation.EnsureJarInstalled();
        for (var attempt = 1; attempt <= MaxStartAttempts; attempt++)
        {
            var port = FreeLoopbackPort.Find();
            var baseAddress = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/"));
            var process = Start(port);
            var admin = new WireMockAdminClient(baseAddress);
            if (await WaitUntilReadyAsync(process, admin))
            {
                _process = process;
                _admin = admin;
                _baseAddress = baseAddress;
                return;
            }

            admin.Dispose();
            await StopAsync(process);
            if (!Output.Contains("Address already in use", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException(
                    $"WireMock did not become ready on {baseAddress} within {StartupTimeout.TotalSeconds:0} s (exit code: {ExitCodeOf(process)}). Its output:{Environment.NewLine}{Output}");
            }

            // Another process took the port between FreeLoopbackPort.Find and WireMock binding it: try a new one.
        }

        throw new InvalidOperationException(
            $"WireMock could not bind a free loopback port in {MaxStartAttempts} attempts. Its output:{Environment.NewLine}{Output}");
    }

    public async Task DisposeAsync()
    {
        _admin?.Dispose();
        if (_process is not null)
        {
            await StopAsync(_process);
        }
    }

    private Process Start(int port)
    {
        var startInfo = new ProcessStartInfo("java")
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            CreateNoWindow = true,
            WorkingDirectory = Installation.IntegrationTestsDirectory,
        };

        // JVM: start fast and stay light; the machine running the suite may have only two cores.
        foreach (var argument in new[] { "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m" })
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.ArgumentList.Add("-jar");
        startInfo.ArgumentList.Add(Installation.JarPath);
        foreach (var argument in new[]
        {
            "--port", port.ToString(CultureInfo.InvariantCulture),
            "--bind-address", "127.0.0.1",
            "--root-dir", Installation.RootDirectory,
            "--disable-banner",
            "--disable-request-logging",      // no line per request; the request journal stays on (tests read it)
            "--disable-gzip",                 // responses exactly as the mapping files say
            "--max-request-journal-entries", "10000",
        })
        {
            startInfo.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, line) => _output.Add("out", line.Data);
        process.ErrorDataReceived += (_, line) => _output.Add("err", line.Data);
        try
        {
            process.Start();
        }
        catch (Win32Exception exception)
        {
            process.Dispose();
            throw new InvalidOperationException(
                "The WireMock integration tests run WireMock standalone, which needs Java, and java could not be started "
                + $"({exception.Message}). Install a Java runtime, version 11 or later (Debian/Ubuntu: apt-get install openjdk-17-jre-headless).",
                exception);
        }

        process.StandardInput.Close(); // WireMock reads nothing; a closed stdin also keeps it from waiting on a terminal
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task<bool> WaitUntilReadyAsync(Process process, WireMockAdminClient admin)
    {
        var maxPolls = (int)(StartupTimeout / ReadinessPollInterval);
        var elapsed = Stopwatch.StartNew();
        for (var poll = 0; poll < maxPolls && elapsed.Elapsed < StartupTimeout; poll++)
        {
            if (process.HasExited)
            {
                return false;
            }

            if (await admin.IsHealthyAsync(ReadinessProbeTimeout))
            {
                return true;
            }

            await Task.Delay(ReadinessPollInterval);
        }

        return false;
    }

    private static async Task StopAsync(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            using var exitTimeout = new CancellationTokenSource(ExitTimeout);
            await process.WaitForExitAsync(exitTimeout.Token);
        }
        catch (InvalidOperationException)
        {
            // The process exited between the check and the kill.
        }
        catch (OperationCanceledException)
        {
            // Killed but not reaped within ExitTimeout; nothing more can be done from here.
        }
        finally
        {
            process.Dispose();
        }
    }

    private static string ExitCodeOf(Process process) =>
        process.HasExited ? process.ExitCode.ToString(CultureInfo.InvariantCulture) : "still running";

    private static InvalidOperationException NotStarted() => new("The WireMock fixture has not started.");
}
