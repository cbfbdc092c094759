using System.Globalization;

namespace PaymentHttp.Fleet.Orchestration;

/// <summary>The figures the shared run must reach (issue: "Proof over real sockets, as separate processes").</summary>
public static class FleetFigures
{
    /// <summary>At most this share of all requests may be answered with 429.</summary>
    public const double MaxRefusedShare = 0.01;

    /// <summary>Payments must be accepted at this share of the sandbox's limit or more.</summary>
    public const double MinAcceptedShareOfLimit = 0.90;

    /// <summary>Every figure the run misses, in words; empty when it meets them all.</summary>
    public static IReadOnlyList<string> Missed(FleetRunResult run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var missed = new List<string>();
        if (run.Sandbox.RefusedShare > MaxRefusedShare)
        {
            missed.Add(string.Create(CultureInfo.InvariantCulture, $"{run.Sandbox.RefusedShare:P2} of requests answered 429 (at most {MaxRefusedShare:P0})"));
        }

        if (run.AcceptedShareOfLimit < MinAcceptedShareOfLimit)
        {
            missed.Add(string.Create(CultureInfo.InvariantCulture, $"accepted {run.Sandbox.AcceptedPerSecond ?? 0:0.0}/s, {run.AcceptedShareOfLimit:P1} of the limit (at least {MinAcceptedShareOfLimit:P0})"));
        }

        if (run.DuplicateCharges != 0)
        {
            missed.Add($"{run.DuplicateCharges} duplicate charges");
        }

        if (run.Untyped != 0)
        {
            missed.Add($"{run.Untyped} exceptions other than PaymentProviderException");
        }

        if (run.Unaccounted != 0)
        {
            missed.Add($"{run.Unaccounted} payments whose outcome disagrees with the ledger");
        }

        return missed;
    }
}
