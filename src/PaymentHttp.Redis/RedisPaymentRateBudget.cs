using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace PaymentHttp.Redis;

/// <summary>
/// A <see cref="PaymentRateBudget"/> on Redis: every instance that names the same budget key shares one token bucket
/// and one back-off pause, measured on the Redis server's clock. One round trip per attempt (a Lua script that checks
/// the pause and takes the permit).
/// </summary>
/// <remarks>
/// When Redis does not answer within <see cref="RedisPaymentRateBudgetOptions.CommandTimeout"/>, or the connection
/// is down, the attempt is decided by an in-process <see cref="LocalPaymentRateBudget"/> with the same limits — so
/// while Redis is down each instance enforces the full limit on its own — and one warning is logged per outage.
/// Every <see cref="RedisPaymentRateBudgetOptions.ProbeInterval"/> one attempt tries Redis again; when it answers,
/// the budget is shared again. Pauses are recorded locally as well, so a fallback still honours them.
/// It never throws for Redis failures and never waits longer than the command timeout.
/// </remarks>
public sealed class RedisPaymentRateBudget : PaymentRateBudget
{
    private const long MicrosecondsPerTick = TimeSpan.TicksPerMillisecond / 1000;

    private readonly IConnectionMultiplexer _redis;
    private readonly LocalPaymentRateBudget _fallback;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly string _keyPrefix;
    private readonly TimeSpan _commandTimeout;
    private readonly TimeSpan _probeInterval;
    private readonly object _stateGate = new();
    private bool _onFallback;
    private long _nextProbe;

    /// <summary>Initializes a new instance of the <see cref="RedisPaymentRateBudget"/> class.</summary>
    /// <param name="redis">The application's Redis connection.</param>
    /// <param name="options">The key prefix, command timeout and probe interval.</param>
    /// <param name="logger">Where the fallback warnings go; none when <see langword="null"/>.</param>
    /// <param name="timeProvider">The clock of the timeouts and of the fallback budget; the system clock when <see langword="null"/>.</param>
    public RedisPaymentRateBudget(
        IConnectionMultiplexer redis,
        RedisPaymentRateBudgetOptions options,
        ILogger<RedisPaymentRateBudget>? logger = null,
        TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(redis);
        ArgumentNullException.ThrowIfNull(options);
        var invalid = new RedisPaymentRateBudgetOptionsValidator().Validate(null, options);
        if (invalid.Failed)
        {
            throw new ArgumentException(invalid.FailureMessage, nameof(options));
        }

        _redis = redis;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _fallback = new LocalPaymentRateBudget(_timeProvider);
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _keyPrefix = options.KeyPrefix;
        _commandTimeout = options.CommandTimeout;
        _probeInterval = options.ProbeInterval;
    }

    /// <summary>Gets a value indicating whether attempts are decided by the in-process fallback because Redis is unreachable.</summary>
    public bool IsOnFallback
    {
        get
        {
            lock (_stateGate)
            {
                return _onFallback;
            }
        }
    }

    /// <inheritdoc/>
    public override async ValueTask<PaymentRateDecision> AcquireAsync(string key, PaymentRateLimits limits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(limits);
        if (!MayUseRedis())
        {
            return await _fallback.AcquireAsync(key, limits, cancellationToken).ConfigureAwait(false);
        }

        var interval = Math.Max(limits.PermitInterval.Ticks / MicrosecondsPerTick, 1);
        try
        {
            var result = await _redis.GetDatabase()
                .ScriptEvaluateAsync(RedisRateScripts.Acquire, [new RedisKey(_keyPrefix + key)], [interval, limits.Burst])
                .WaitAsync(_commandTimeout, _timeProvider, cancellationToken)
                .ConfigureAwait(false);
            var values = (long[])result!;
            Recovered();
            return values[0] == 1
                ? PaymentRateDecision.Granted
                : PaymentRateDecision.Refused(
                    values[2] == 2 ? PaymentRateRefusalReason.Paused : PaymentRateRefusalReason.Budget,
                    TimeSpan.FromTicks(Math.Max(values[1], 1) * MicrosecondsPerTick));
        }
        catch (Exception exception) when (IsRedisFailure(exception, cancellationToken))
        {
            Failed(exception);
            return await _fallback.AcquireAsync(key, limits, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public override async ValueTask PauseAsync(string key, TimeSpan duration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        await _fallback.PauseAsync(key, duration, cancellationToken).ConfigureAwait(false);
        if (!MayUseRedis())
        {
            return;
        }

        try
        {
            await _redis.GetDatabase()
                .ScriptEvaluateAsync(RedisRateScripts.Pause, [new RedisKey(_keyPrefix + key)], [Math.Max(duration.Ticks / MicrosecondsPerTick, 1)])
                .WaitAsync(_commandTimeout, _timeProvider, cancellationToken)
                .ConfigureAwait(false);
            Recovered();
        }
        catch (Exception exception) when (IsRedisFailure(exception, cancellationToken))
        {
            Failed(exception);
        }
    }

    private static bool IsRedisFailure(Exception exception, CancellationToken cancellationToken) =>
        exception is RedisException or TimeoutException or ObjectDisposedException or InvalidCastException
        || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested);

    /// <summary>Shared: always, unless the connection is known down. On the fallback: one probe per interval, and only when connected.</summary>
    private bool MayUseRedis()
    {
        var connected = _redis.IsConnected;
        lock (_stateGate)
        {
            var now = _timeProvider.GetTimestamp();
            if (!_onFallback)
            {
                if (connected)
                {
                    return true;
                }

                EnterFallback(now, reason: null);
                return false;
            }

            if (!connected || now < _nextProbe)
            {
                return false;
            }

            _nextProbe = now + ProbeTicks(); // this caller probes; the others stay local until it answers
            return true;
        }
    }

    private void Failed(Exception exception)
    {
        lock (_stateGate)
        {
            var now = _timeProvider.GetTimestamp();
            if (_onFallback)
            {
                _nextProbe = now + ProbeTicks();
                return;
            }

            EnterFallback(now, exception);
        }
    }

    private void EnterFallback(long now, Exception? reason)
    {
        _onFallback = true;
        _nextProbe = now + ProbeTicks();
        RedisRateBudgetLog.FellBack(_logger, _probeInterval.TotalMilliseconds, reason?.GetType().Name ?? "not connected", reason);
    }

    private void Recovered()
    {
        lock (_stateGate)
        {
            if (!_onFallback)
            {
                return;
            }

            _onFallback = false;
        }

        RedisRateBudgetLog.Recovered(_logger);
    }

    private long ProbeTicks() => (long)(_probeInterval.TotalSeconds * _timeProvider.TimestampFrequency);
}
