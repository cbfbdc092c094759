namespace PaymentHttp.Testing;

/// <summary>
/// What a provider's rate limit in the sandbox did since it was set (<see cref="ProviderSandbox.SetRateLimit"/>): the
/// totals, when the first and last accepted requests arrived, and the counts of every second.
/// </summary>
public sealed class SandboxRateLimitReport
{
    internal SandboxRateLimitReport(int requestsPerSecond, IReadOnlyList<SandboxRateSecond> seconds, TimeSpan? firstAccepted, TimeSpan? lastAccepted)
    {
        RequestsPerSecond = requestsPerSecond;
        Seconds = seconds;
        FirstAccepted = firstAccepted;
        LastAccepted = lastAccepted;
        Accepted = seconds.Sum(s => s.Accepted);
        Refused = seconds.Sum(s => s.Refused);
    }

    /// <summary>Gets the limit: requests per provider in each whole second.</summary>
    public int RequestsPerSecond { get; }

    /// <summary>Gets every second from the one the limit was set in to the last one with a request, empty seconds included.</summary>
    public IReadOnlyList<SandboxRateSecond> Seconds { get; }

    /// <summary>Gets how many requests passed the limit.</summary>
    public int Accepted { get; }

    /// <summary>Gets how many requests were answered with 429.</summary>
    public int Refused { get; }

    /// <summary>Gets when the first accepted request arrived, after the limit was set; <see langword="null"/> when none was.</summary>
    public TimeSpan? FirstAccepted { get; }

    /// <summary>Gets when the last accepted request arrived, after the limit was set; <see langword="null"/> when none was.</summary>
    public TimeSpan? LastAccepted { get; }

    /// <summary>
    /// Gets the share of requests answered with 429: <see cref="Refused"/> / (<see cref="Accepted"/> + <see cref="Refused"/>),
    /// 0 when there were none.
    /// </summary>
    public double RefusedShare => Accepted + Refused == 0 ? 0 : (double)Refused / (Accepted + Refused);

    /// <summary>
    /// Gets the accepted requests per second while traffic flowed: the accepted requests after the first, over the
    /// time from the first to the last (a steady stream at the limit gives the limit); <see langword="null"/> with
    /// fewer than two accepted requests.
    /// </summary>
    public double? AcceptedPerSecond => FirstAccepted is { } first && LastAccepted is { } last && Accepted > 1 && last > first
        ? (Accepted - 1) / (last - first).TotalSeconds
        : null;
}
