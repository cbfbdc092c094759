using System.Globalization;
using System.Text;
using PaymentHttp.Fleet.Orchestration;

namespace PaymentHttp.Fleet.Output;

/// <summary>The runs side by side, one column per run.</summary>
public static class RunTable
{
    public static string Render(IReadOnlyList<FleetRunResult> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var rows = new List<(string Name, Func<FleetRunResult, string> Value)>
        {
            ("Budget", r => r.Budget.ToString().ToLowerInvariant()),
            ("Processes x payments", r => $"{r.Workers.Count} x {r.Settings.PaymentsPerWorker}"),
            ("Succeeded", r => N(r.Succeeded)),
            ("Typed failures", r => r.FailuresByType.Count == 0 ? "0" : string.Join(", ", r.FailuresByType.Select(f => $"{Short(f.Key)} {N(f.Value)}"))),
            ("Untyped exceptions", r => N(r.Untyped)),
            ("Put back after RateLimited", r => N(r.Workers.Sum(w => w.Requeued))),
            ("Warnings logged", r => r.Workers.SelectMany(w => w.Warnings).GroupBy(w => w.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {N(g.Sum(w => w.Value))}") is var w && w.Any() ? string.Join(", ", w) : "0"),
            ("Requests at the sandbox", r => N(r.Sandbox.Accepted + r.Sandbox.Refused)),
            ("Accepted", r => N(r.Sandbox.Accepted)),
            ("Refused with 429", r => string.Create(CultureInfo.InvariantCulture, $"{N(r.Sandbox.Refused)} ({r.Sandbox.RefusedShare:P2})")),
            ("Accepted per second", r => string.Create(CultureInfo.InvariantCulture, $"{r.Sandbox.AcceptedPerSecond ?? 0:0.0} ({r.AcceptedShareOfLimit:P1} of {r.Settings.Limit})")),
            ("Duplicate charges", r => N(r.DuplicateCharges)),
            ("Outcome vs ledger mismatches", r => N(r.Unaccounted)),
            ("Elapsed", r => string.Create(CultureInfo.InvariantCulture, $"{r.Elapsed.TotalSeconds:0.0} s")),
            ("Figures", r => FleetFigures.Missed(r) is { Count: 0 } ? "met" : "missed"),
        };

        var nameWidth = rows.Max(r => r.Name.Length);
        var cells = rows.Select(r => runs.Select(r.Value).ToArray()).ToArray();
        var widths = Enumerable.Range(0, runs.Count).Select(c => cells.Max(row => row[c].Length)).ToArray();
        var text = new StringBuilder();
        for (var i = 0; i < rows.Count; i++)
        {
            text.Append(rows[i].Name.PadRight(nameWidth));
            for (var c = 0; c < runs.Count; c++)
            {
                text.Append(" | ").Append(cells[i][c].PadRight(widths[c]));
            }

            text.AppendLine();
            if (i == 0)
            {
                text.Append(new string('-', nameWidth));
                foreach (var width in widths)
                {
                    text.Append("-+-").Append(new string('-', width));
                }

                text.AppendLine();
            }
        }

        return text.ToString();
    }

    private static string N(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Short(string exception) => exception.Replace("Provider", string.Empty, StringComparison.Ordinal).Replace("Exception", string.Empty, StringComparison.Ordinal);
}
