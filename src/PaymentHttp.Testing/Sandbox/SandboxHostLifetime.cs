using Microsoft.Extensions.Hosting;

namespace PaymentHttp.Testing;

/// <summary>
/// A host lifetime that ignores console signals: the sandbox lives inside a test process and stops only when it is
/// disposed, never on the test runner's Ctrl+C or SIGTERM.
/// </summary>
internal sealed class SandboxHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
