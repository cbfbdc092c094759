using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Registry;

namespace PaymentHttp;

/// <summary>
/// The one run-time object of a named client, kept as a keyed singleton (the key is the client's name) so that it —
/// and the Polly pipeline it runs, kept in Polly's registry under <see cref="PaymentClientRegistration.PipelineKey"/>
/// — survives the HttpClient factory's handler rotation. It holds the registration (provider, classifier), the
/// current validated <see cref="PaymentClientSettings"/>, and the shared services the handlers need.
/// </summary>
internal sealed class PaymentClientRuntime
{
    private readonly PaymentClientRegistration _registration;
    private readonly ResiliencePipelineProvider<string> _pipelines;
    private readonly string?[] _knownSecrets;
    private volatile PaymentClientSettings _settings;
    private volatile ClientSecrets _secrets;
    private volatile bool _pipelineBuilt;
    private ResiliencePipeline<HttpResponseMessage>? _pipeline;

    public PaymentClientRuntime(
        PaymentClientRegistration registration,
        PaymentProviderClientOptions options,
        ResiliencePipelineProvider<string> pipelines,
        IEnumerable<string?> knownSecrets,
        PaymentRateBudget rateBudget,
        TimeProvider timeProvider,
        PaymentJitter jitter,
        PaymentHttpTelemetry telemetry,
        ILogger logger)
    {
        _registration = registration;
        _pipelines = pipelines;
        _settings = new PaymentClientSettings(options);
        TimeProvider = timeProvider;
        Jitter = jitter;
        Telemetry = telemetry;
        Logger = logger;
        ProviderTag = TelemetryTags.TagValue(registration.Provider);
        _knownSecrets = [.. knownSecrets];
        RateBudget = rateBudget;
        _secrets = new ClientSecrets(options.SensitiveHeaders, _knownSecrets);
    }

    public string Name => _registration.Name;

    public PaymentProvider? Provider => _registration.Provider;

    public PaymentErrorClassifier Classifier => _registration.Classifier;

    /// <summary>Gets the options in force: the last valid ones, replaced whole by a valid reload.</summary>
    public PaymentClientSettings Settings => _settings;

    public int MaxErrorBodyBytes => _settings.MaxErrorBodyBytes;

    public string? IdempotencyKeyHeader => _settings.IdempotencyKeyHeader;

    public TimeProvider TimeProvider { get; }

    public PaymentJitter Jitter { get; }

    public PaymentHttpTelemetry Telemetry { get; }

    public ILogger Logger { get; }

    /// <summary>Gets the provider's name as used in logs, metrics and traces.</summary>
    public string ProviderTag { get; }

    /// <summary>Gets the client's pipeline from Polly's registry; the registry builds it once and rebuilds it on reload.</summary>
    public ResiliencePipeline<HttpResponseMessage> Pipeline =>
        _pipeline ??= _pipelines.GetPipeline<HttpResponseMessage>(_registration.PipelineKey);

    /// <summary>Returns the category the user mapped <paramref name="code"/> to, if any.</summary>
    public PaymentErrorCategory? OverrideFor(string? code) => _settings.OverrideFor(code);

    /// <summary>
    /// Takes the options Polly's registry builds the pipeline from — at first use, and after each reload — validated
    /// with the same rules and messages as at start-up. Invalid (reloaded) options are logged and not applied: once
    /// the pipeline exists, they are refused with <see cref="OptionsValidationException"/>, which makes Polly keep
    /// the previous pipeline (and its circuit state); before that, the pipeline is built from the last valid options.
    /// </summary>
    public PaymentClientSettings Apply(PaymentProviderClientOptions options)
    {
        var failures = PaymentProviderClientOptionsValidator.Check(Name, options);
        if (failures.Count > 0)
        {
            PaymentHttpLog.OptionsReloadRejected(Logger, Name, string.Join(" ", failures));
            if (_pipelineBuilt)
            {
                throw new OptionsValidationException(Name, typeof(PaymentProviderClientOptions), failures);
            }

            _pipelineBuilt = true;
            return _settings;
        }

        var settings = new PaymentClientSettings(options);
        _settings = settings;
        _secrets = new ClientSecrets(options.SensitiveHeaders, _knownSecrets);
        _pipelineBuilt = true;
        return settings;
    }

    /// <summary>Gets what this client redacts by value: its credential headers, the user's sensitive headers and its fixed secrets.</summary>
    public ClientSecrets Secrets => _secrets;

    /// <summary>Gets the rate budget the client's gate takes permits from (the in-process one, or a shared one such as PaymentHttp.Redis).</summary>
    public PaymentRateBudget RateBudget { get; }
}
