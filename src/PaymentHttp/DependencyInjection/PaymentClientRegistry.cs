using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PaymentHttp;

/// <summary>
/// Builds each named client's <see cref="PaymentClientRuntime"/> once and keeps it for the life of the container,
/// so the circuit breaker survives the HttpClient factory's handler rotation.
/// </summary>
internal sealed class PaymentClientRegistry
{
    private readonly ConcurrentDictionary<string, Lazy<PaymentClientRuntime>> _clients = new(StringComparer.Ordinal);
    private readonly IOptionsMonitor<PaymentProviderClientOptions> _options;
    private readonly IOptionsMonitor<PaymentClientRegistration> _registrations;
    private readonly TimeProvider _timeProvider;
    private readonly PaymentJitter _jitter;
    private readonly PaymentHttpTelemetry _telemetry;
    private readonly ILogger _logger;
    private readonly PaymentRateBudget? _rateBudget;

    public PaymentClientRegistry(
        IOptionsMonitor<PaymentProviderClientOptions> options,
        IOptionsMonitor<PaymentClientRegistration> registrations,
        PaymentJitter jitter,
        PaymentHttpTelemetry telemetry,
        ILogger logger,
        TimeProvider? timeProvider = null,
        PaymentRateBudget? rateBudget = null)
    {
        _rateBudget = rateBudget;
        _options = options;
        _registrations = registrations;
        _jitter = jitter;
        _telemetry = telemetry;
        _logger = logger;
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    public PaymentClientRuntime Get(string name) =>
        _clients.GetOrAdd(name, static (name, registry) => new Lazy<PaymentClientRuntime>(() => registry.Create(name)), this).Value;

    private PaymentClientRuntime Create(string name) =>
        new(name, _registrations.Get(name), _options.Get(name), _timeProvider, _jitter, _telemetry, _logger, _rateBudget);
}
