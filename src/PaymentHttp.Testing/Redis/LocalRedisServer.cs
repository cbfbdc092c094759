using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace PaymentHttp.Testing;

/// <summary>
/// A throw-away <c>redis-server</c> on a free loopback port, for tests and examples: no persistence
/// (<c>--save "" --appendonly no</c>), its own temporary directory, stopped on <see cref="DisposeAsync"/> and, as a
/// safety net, when the process exits. When <c>redis-server</c> is missing it is installed from the Debian packages
/// (<c>apt-get update</c> once, then <c>apt-get install -y redis-server</c>, bounded in time) when running as root
/// with apt-get available; otherwise <see cref="StartAsync"/> fails with a message that says how to get it.
/// </summary>
/// <remarks>Speaks RESP only to ask <c>PING</c>, so it needs no Redis client.</remarks>
public sealed class LocalRedisServer : IAsyncDisposable
{
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(15);
    private static readonly ConcurrentDictionary<LocalRedisServer, bool> Running = new();
    private static readonly SemaphoreSlim InstallLock = new(1, 1);
    private static int _exitHookInstalled;

    private readonly string _executable;
    private readonly string _directory;
    private readonly object _gate = new();
    private Process? _process;
    private bool _disposed;

    private LocalRedisServer(string executable, int port)
    {
        _executable = executable;
        Port = port;
        _directory = Directory.CreateTempSubdirectory("paymenthttp-redis-").FullName;
    }

    /// <summary>Gets the loopback port the server listens on; it keeps the port across <see cref="RestartAsync"/>.</summary>
    public int Port { get; }

    /// <summary>Gets the StackExchange.Redis configuration string of the server: <c>127.0.0.1:&lt;port&gt;</c>.</summary>
    public string Endpoint => string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{Port}");

    /// <summary>Gets a value indicating whether the server process is running.</summary>
    public bool IsRunning
    {
        get
        {
            lock (_gate)
            {
                return _process is { HasExited: false };
            }
        }
    }

    /// <summary>
    /// Starts a server on a free loopback port, installing <c>redis-server</c> first when it is missing and this
    /// process may (root, apt-get present). Returns once the server answers <c>PING</c>.
    /// </summary>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running server; dispose it to stop it.</returns>
    /// <exception cref="InvalidOperationException"><c>redis-server</c> is missing and cannot be installed, or did not start.</exception>
    public static async Task<LocalRedisServer> StartAsync(CancellationToken cancellationToken = default)
    {
        var executable = await EnsureInstalledAsync(cancellationToken).ConfigureAwait(false);
        InstallExitHook();
        var server = new LocalRedisServer(executable, FreePort());
        try
        {
            await server.LaunchAsync(cancellationToken).ConfigureAwait(false);
            return server;
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Returns the path of <c>redis-server</c>, installing it from the Debian packages when it is missing and this
    /// process runs as root with apt-get available.
    /// </summary>
    /// <param name="cancellationToken">Cancels the installation.</param>
    /// <returns>The executable's path.</returns>
    /// <exception cref="InvalidOperationException">It is missing and cannot be installed here.</exception>
    public static async Task<string> EnsureInstalledAsync(CancellationToken cancellationToken = default)
    {
        if (FindExecutable() is { } found)
        {
            return found;
        }

        await InstallLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (FindExecutable() is { } installed)
            {
                return installed;
            }

            if (!OperatingSystem.IsLinux() || !File.Exists("/usr/bin/apt-get") || !IsRoot())
            {
                throw new InvalidOperationException(
                    "redis-server was not found on PATH and cannot be installed here (that needs Linux, root and apt-get). "
                    + "Install it (Debian/Ubuntu: 'sudo apt-get install -y redis-server'; macOS: 'brew install redis') and run again.");
            }

            await RunAsync("apt-get", ["update", "-qq"], cancellationToken).ConfigureAwait(false);
            await RunAsync("apt-get", ["install", "-y", "-qq", "redis-server"], cancellationToken).ConfigureAwait(false);
            return FindExecutable() ?? throw new InvalidOperationException("apt-get install redis-server succeeded, but redis-server is still not on PATH.");
        }
        finally
        {
            InstallLock.Release();
        }
    }

    /// <summary>Returns the path of <c>redis-server</c> on PATH (or /usr/bin, /usr/local/bin), or <see langword="null"/>.</summary>
    /// <returns>The path, or <see langword="null"/> when it is not installed.</returns>
    public static string? FindExecutable()
    {
        var name = OperatingSystem.IsWindows() ? "redis-server.exe" : "redis-server";
        var directories = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Concat(["/usr/bin", "/usr/local/bin", "/opt/homebrew/bin"]);
        return directories.Select(directory => Path.Combine(directory, name)).FirstOrDefault(File.Exists);
    }

    /// <summary>Kills the server at once (SIGKILL), as a crash would, and waits until it is gone.</summary>
    /// <returns>A task that completes when the process has exited.</returns>
    public async Task KillAsync()
    {
        Process? process;
        lock (_gate)
        {
            process = _process;
            _process = null;
        }

        if (process is null)
        {
            return;
        }

        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            using var bound = new CancellationTokenSource(StartTimeout);
            await process.WaitForExitAsync(bound.Token).ConfigureAwait(false);
        }
        finally
        {
            process.Dispose();
        }
    }

    /// <summary>Starts the server again on the same port (after <see cref="KillAsync"/>); returns once it answers PING.</summary>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>A task that completes when the server is ready.</returns>
    public async Task RestartAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await KillAsync().ConfigureAwait(false);
        await LaunchAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Stops the server and deletes its directory.</summary>
    /// <returns>A task that completes when the server is gone.</returns>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        Running.TryRemove(this, out _);
        await KillAsync().ConfigureAwait(false);
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary directory is harmless.
        }
    }

    private async Task LaunchAsync(CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(_executable)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = _directory,
        };
        foreach (var argument in new[]
        {
            "--port", Port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", string.Empty,
            "--appendonly", "no", "--daemonize", "no", "--protected-mode", "no", "--dir", _directory, "--logfile", string.Empty,
        })
        {
            start.ArgumentList.Add(argument);
        }

        var output = new StringBuilder();
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        lock (_gate)
        {
            _process = process;
        }

        Running.TryAdd(this, true);
        var deadline = Stopwatch.GetTimestamp() + (long)(StartTimeout.TotalSeconds * Stopwatch.Frequency);
        while (!await AnswersPingAsync(Port, cancellationToken).ConfigureAwait(false))
        {
            if (process.HasExited || Stopwatch.GetTimestamp() > deadline)
            {
                await KillAsync().ConfigureAwait(false);
                throw new InvalidOperationException(string.Create(
                    CultureInfo.InvariantCulture, $"redis-server did not start on 127.0.0.1:{Port} within {StartTimeout.TotalSeconds} s. Its output: {Snapshot(output)}"));
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20), cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<bool> AnswersPingAsync(int port, CancellationToken cancellationToken)
    {
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bound.CancelAfter(TimeSpan.FromSeconds(1));
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port, bound.Token).ConfigureAwait(false);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray(), bound.Token).ConfigureAwait(false);
            var buffer = new byte[16];
            var read = await stream.ReadAsync(buffer, bound.Token).ConfigureAwait(false);
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (Exception exception) when (exception is SocketException or IOException
            || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return false;
        }
    }

    private static async Task RunAsync(string command, string[] arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(command) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {command}.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bound.CancelAfter(InstallTimeout);
        try
        {
            await process.WaitForExitAsync(bound.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"'{command} {string.Join(' ', arguments)}' did not finish within {InstallTimeout.TotalMinutes} minutes.");
        }

        if (process.ExitCode != 0)
        {
            var errors = await stderr.ConfigureAwait(false) + await stdout.ConfigureAwait(false);
            throw new InvalidOperationException(string.Create(
                CultureInfo.InvariantCulture, $"'{command} {string.Join(' ', arguments)}' failed with exit code {process.ExitCode}: {errors}"));
        }
    }

    private static bool IsRoot() => string.Equals(Environment.UserName, "root", StringComparison.Ordinal);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void InstallExitHook()
    {
        if (Interlocked.Exchange(ref _exitHookInstalled, 1) == 0)
        {
            // A test run that ends without disposing (a crash, a failed fixture) must not leave servers behind.
            AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            {
                foreach (var server in Running.Keys)
                {
                    server.KillNow();
                }
            };
        }
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            if (output.Length < 4096)
            {
                output.AppendLine(line);
            }
        }
    }

    private static string Snapshot(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }

    private void KillNow()
    {
        lock (_gate)
        {
            try
            {
                if (_process is { HasExited: false } process)
                {
                    process.Kill(entireProcessTree: true);
                }
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }
        }
    }
}
