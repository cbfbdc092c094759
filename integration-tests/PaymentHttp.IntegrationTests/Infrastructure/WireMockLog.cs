using System.Globalization;
using WireMock.Admin.Requests;
using WireMock.Logging;

namespace PaymentHttp.IntegrationTests.Infrastructure;

/// <summary>
/// WireMock.Net's log, kept for failure messages: its warnings and errors, bounded. WireMock.Net skips a mapping file
/// it cannot read with only an error in this log, so the fixture fails the run when <see cref="Errors"/> is not zero.
/// </summary>
public sealed class WireMockLog : IWireMockLogger
{
    private const int MaxLines = 200;

    private readonly BoundedOutputLog _lines = new(MaxLines);
    private int _errors;

    /// <summary>Gets how many errors WireMock.Net logged.</summary>
    public int Errors => Volatile.Read(ref _errors);

    public void Debug(string formatString, params object[] args)
    {
    }

    public void Info(string formatString, params object[] args)
    {
    }

    public void Warn(string formatString, params object[] args) => _lines.Add("warn", Format(formatString, args));

    public void Error(string formatString, params object[] args)
    {
        Interlocked.Increment(ref _errors);
        _lines.Add("error", Format(formatString, args));
    }

    public void Error(string message, Exception exception)
    {
        Interlocked.Increment(ref _errors);
        _lines.Add("error", $"{message} {exception}");
    }

    public void DebugRequestResponse(LogEntryModel logEntryModel, bool isAdminRequest)
    {
    }

    public override string ToString() => _lines.ToString();

    private static string Format(string formatString, object[] args) =>
        args.Length == 0 ? formatString : string.Format(CultureInfo.InvariantCulture, formatString, args);
}
