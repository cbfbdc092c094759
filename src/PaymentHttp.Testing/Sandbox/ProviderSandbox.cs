using Microsoft.AspNetCore.Builder;

namespace PaymentHttp.Testing;

/// <summary>
/// A local stand-in for the payment endpoints of every provider PaymentHttp knows, for tests: a Kestrel server on
/// 127.0.0.1 that answers with each provider's real envelopes, checks its credentials, keeps a
/// <see cref="Ledger"/> of what it charged, applies scripted <see cref="Faults"/>, and, when set, a per-provider rate limit.
/// </summary>
/// <example>
/// <code>
/// await using var sandbox = await ProviderSandbox.StartAsync();
/// services.AddPaymentProviderClient("plutu", PaymentProvider.Plutu, o => o.BaseAddress = sandbox.BaseAddress(PaymentProvider.Plutu))
///         .AddHttpMessageHandler(() => sandbox.CredentialsHandler(PaymentProvider.Plutu));
/// </code>
/// </example>
public sealed class ProviderSandbox : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Uri _root;
    private readonly SandboxRouter _router;
    private readonly SandboxTraffic _traffic;
    private readonly RefusedEndpoint _refused;
    private readonly CancellationTokenSource _stopping;
    private readonly TimeProvider _time;
    private int _disposed;

    private ProviderSandbox(WebApplication app, Uri root, SandboxRouter router, SandboxTraffic traffic, RefusedEndpoint refused, CancellationTokenSource stopping, SandboxLedger ledger, SandboxFaults faults, TimeProvider time)
    {
        _time = time;
        _app = app;
        _root = root;
        _router = router;
        _traffic = traffic;
        _refused = refused;
        _stopping = stopping;
        Ledger = ledger;
        Faults = faults;
    }

    /// <summary>Gets every payment the sandbox charged, by provider and merchant reference.</summary>
    public SandboxLedger Ledger { get; }

    /// <summary>Gets the faults planned per merchant reference.</summary>
    public SandboxFaults Faults { get; }

    /// <summary>
    /// Starts a sandbox on <c>http://127.0.0.1</c> and a free port. Each sandbox is independent: its own port, ledger
    /// and faults.
    /// </summary>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running sandbox; dispose it to stop it.</returns>
    public static Task<ProviderSandbox> StartAsync(CancellationToken cancellationToken = default) => StartAsync(TimeProvider.System, cancellationToken);

    /// <summary>Starts a sandbox whose clock (rate-limit windows, timestamps of charges) is <paramref name="time"/>, for tests of the sandbox itself.</summary>
    internal static async Task<ProviderSandbox> StartAsync(TimeProvider time, CancellationToken cancellationToken)
    {
        var ledger = new SandboxLedger();
        var faults = new SandboxFaults();
        var traffic = new SandboxTraffic();
        var router = new SandboxRouter(
        [
            new PlutuSimulator(ledger, time),
            new PlexyPaySimulator(ledger, time),
            new PaysafeSimulator(ledger, time),
            new MakeCommerceSimulator(ledger, time),
            new PagarStarSimulator(ledger, time),
        ]);
        var stopping = new CancellationTokenSource();
        RefusedEndpoint? refused = null;
        WebApplication? app = null;
        try
        {
            refused = RefusedEndpoint.Open();
            app = SandboxServer.Build(new SandboxPipeline(router, faults, traffic, stopping.Token).HandleAsync);
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            return new ProviderSandbox(app, SandboxServer.AddressOf(app), router, traffic, refused, stopping, ledger, faults, time);
        }
        catch
        {
            if (app is not null)
            {
                await app.DisposeAsync().ConfigureAwait(false);
            }

            refused?.Dispose();
            stopping.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Gets the base address of a provider's endpoints, with a trailing slash (<c>http://127.0.0.1:41234/plutu/</c>),
    /// for <c>PaymentProviderClientOptions.BaseAddress</c>.
    /// </summary>
    /// <param name="provider">The provider.</param>
    /// <returns>The provider's base address in this sandbox.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="provider"/> is not a known provider.</exception>
    /// <exception cref="ObjectDisposedException">The sandbox was disposed.</exception>
    public Uri BaseAddress(PaymentProvider provider)
    {
        ProviderArgument.Validate(provider);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        return new Uri(_root, _router.For(provider).PathPrefix + "/");
    }

    /// <summary>
    /// Creates a handler that adds the sandbox's default credentials (<see cref="SandboxCredentials"/>) the way the
    /// provider expects them — leaving alone any the request already carries, so a test can send wrong ones — and
    /// carries out planned <see cref="SandboxFault.Refuse"/> faults. Add it last, after the PaymentHttp handlers, so
    /// it sees every attempt: <c>.AddHttpMessageHandler(() =&gt; sandbox.CredentialsHandler(provider))</c>.
    /// </summary>
    /// <param name="provider">The provider the client talks to.</param>
    /// <returns>A new handler; <c>IHttpClientFactory</c> owns and disposes it.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="provider"/> is not a known provider.</exception>
    /// <exception cref="ObjectDisposedException">The sandbox was disposed.</exception>
    public DelegatingHandler CredentialsHandler(PaymentProvider provider)
    {
        var providerBase = BaseAddress(provider);
        return new SandboxClientHandler(_router.For(provider), providerBase, Faults, _refused);
    }

    /// <summary>
    /// Starts or ends an outage of one provider: while it lasts, every request to that provider is answered with
    /// HTTP 503 in the provider's envelope (MakeCommerce: no body), before credentials or faults are looked at, and
    /// nothing is charged. The requests are still counted by <see cref="RequestCount"/>.
    /// </summary>
    /// <param name="provider">The provider.</param>
    /// <param name="down"><see langword="true"/> to start the outage, <see langword="false"/> to end it.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="provider"/> is not a known provider.</exception>
    public void SetOutage(PaymentProvider provider, bool down)
    {
        ProviderArgument.Validate(provider);
        _traffic.SetOutage(provider, down);
    }

    /// <summary>
    /// Sets a rate limit on one provider, off by default: at most <paramref name="requestsPerSecond"/> requests to that
    /// provider in each whole second counted from now (a fixed one-second window); past it, a request is answered with
    /// HTTP 429 in the provider's envelope and <c>Retry-After</c> (whole seconds, rounded up, to the next second), is
    /// not charged and takes no planned fault. An outage answers first. Setting a limit again restarts its counts;
    /// <see cref="RateLimitReport"/> reads them.
    /// </summary>
    /// <param name="provider">The provider.</param>
    /// <param name="requestsPerSecond">The requests let through per second, at least 1; <see langword="null"/> removes the limit.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="provider"/> is not a known provider, or <paramref name="requestsPerSecond"/> is below 1.</exception>
    public void SetRateLimit(PaymentProvider provider, int? requestsPerSecond)
    {
        ProviderArgument.Validate(provider);
        if (requestsPerSecond < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(requestsPerSecond), requestsPerSecond, "The sandbox rate limit must be at least 1 request per second, or null for none.");
        }

        _traffic.SetRateLimit(provider, requestsPerSecond is { } limit ? new ProviderRateLimit(limit, _time) : null);
    }

    /// <summary>
    /// Gets what a provider's rate limit did since <see cref="SetRateLimit"/>: accepted and refused requests, in total
    /// and per second.
    /// </summary>
    /// <param name="provider">The provider.</param>
    /// <returns>The report, or <see langword="null"/> when the provider has no rate limit.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="provider"/> is not a known provider.</exception>
    public SandboxRateLimitReport? RateLimitReport(PaymentProvider provider)
    {
        ProviderArgument.Validate(provider);
        return _traffic.RateLimit(provider)?.Report();
    }

    /// <summary>
    /// Gets how many requests to a provider reached the server, whatever their outcome (outage, authentication
    /// failure, fault). Attempts refused by <see cref="SandboxFault.Refuse"/> never reach it and are not counted.
    /// </summary>
    /// <param name="provider">The provider.</param>
    /// <returns>The number of requests received so far.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="provider"/> is not a known provider.</exception>
    public int RequestCount(PaymentProvider provider)
    {
        ProviderArgument.Validate(provider);
        return _traffic.Requests(provider);
    }

    /// <summary>
    /// Stops the server. Responses still held by a <see cref="SandboxFault.Delay"/> are abandoned and their connections
    /// reset; waiting for in-flight requests is bounded to a few seconds.
    /// </summary>
    /// <returns>A task that completes when the server has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        try
        {
            await _stopping.CancelAsync().ConfigureAwait(false);
            using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await _app.StopAsync(bound.Token).ConfigureAwait(false);
        }
        finally
        {
            await _app.DisposeAsync().ConfigureAwait(false);
            _refused.Dispose();
            _stopping.Dispose();
        }
    }
}
