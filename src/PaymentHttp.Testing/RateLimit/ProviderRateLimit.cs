namespace PaymentHttp.Testing;

/// <summary>
/// A fixed one-second window, as most provider gateways count: at most <see cref="RequestsPerSecond"/> requests in
/// each whole second since the limit was set; the rest of that second is refused. Keeps the per-second counts for the
/// report. Thread-safe.
/// </summary>
internal sealed class ProviderRateLimit
{
    private readonly object _gate = new();
    private readonly TimeProvider _time;
    private readonly long _start;
    private readonly List<int> _accepted = [];
    private readonly List<int> _refused = [];
    private TimeSpan? _firstAccepted;
    private TimeSpan? _lastAccepted;

    public ProviderRateLimit(int requestsPerSecond, TimeProvider time)
    {
        RequestsPerSecond = requestsPerSecond;
        _time = time;
        _start = time.GetTimestamp();
    }

    public int RequestsPerSecond { get; }

    /// <summary>Counts a request; <see langword="null"/> lets it through, otherwise the wait until the next second starts.</summary>
    public TimeSpan? TryAcquire()
    {
        var elapsed = _time.GetElapsedTime(_start);
        var second = (int)Math.Min(elapsed.Ticks / TimeSpan.TicksPerSecond, int.MaxValue - 1);
        lock (_gate)
        {
            while (_accepted.Count <= second)
            {
                _accepted.Add(0);
                _refused.Add(0);
            }

            if (_accepted[second] < RequestsPerSecond)
            {
                _accepted[second]++;
                _firstAccepted ??= elapsed;
                _lastAccepted = elapsed;
                return null;
            }

            _refused[second]++;
            return TimeSpan.FromSeconds(second + 1) - elapsed;
        }
    }

    public SandboxRateLimitReport Report()
    {
        lock (_gate)
        {
            var seconds = new SandboxRateSecond[_accepted.Count];
            for (var i = 0; i < seconds.Length; i++)
            {
                seconds[i] = new SandboxRateSecond(i, _accepted[i], _refused[i]);
            }

            return new SandboxRateLimitReport(RequestsPerSecond, seconds, _firstAccepted, _lastAccepted);
        }
    }
}
