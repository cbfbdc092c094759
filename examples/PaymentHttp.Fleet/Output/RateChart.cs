using System.Globalization;
using System.Text;
using PaymentHttp.Testing;

namespace PaymentHttp.Fleet.Output;

/// <summary>
/// Accepted (<c>#</c>) and refused (<c>x</c>) requests per second, one line per second, scaled so the busiest second
/// fits; a <c>|</c> marks the sandbox's limit.
/// </summary>
public static class RateChart
{
    private const int Width = 60;

    public static string Render(string title, SandboxRateLimitReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var busiest = Math.Max(report.RequestsPerSecond, report.Seconds.Count == 0 ? 0 : report.Seconds.Max(s => s.Accepted + s.Refused));
        var perChar = Math.Max(1, (int)Math.Ceiling(busiest / (double)Width));
        var limitAt = report.RequestsPerSecond / perChar;
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{title}: requests per second at the sandbox (# accepted, x refused 429, | limit {report.RequestsPerSecond}/s; one mark = {perChar})");
        foreach (var second in report.Seconds)
        {
            var bar = new StringBuilder();
            bar.Append('#', Marks(second.Accepted, perChar)).Append('x', Marks(second.Refused, perChar));
            if (bar.Length <= limitAt)
            {
                bar.Append(' ', limitAt - bar.Length).Append('|');
            }
            else
            {
                bar[limitAt] = bar[limitAt] == '#' ? '#' : '|';
            }

            text.AppendLine(CultureInfo.InvariantCulture, $"{second.Second,4} s {second.Accepted,5} {second.Refused,6}  {bar}");
        }

        return text.ToString();
    }

    private static int Marks(int count, int perChar) => count == 0 ? 0 : Math.Max(1, (int)Math.Round(count / (double)perChar));
}
