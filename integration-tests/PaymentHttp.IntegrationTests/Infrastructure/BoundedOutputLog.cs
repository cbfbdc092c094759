using System.Text;

namespace PaymentHttp.IntegrationTests.Infrastructure;

/// <summary>
/// Keeps the last lines a child process wrote, so a failure message can show them without the log growing forever.
/// Thread-safe: the process's stdout and stderr arrive on different threads.
/// </summary>
public sealed class BoundedOutputLog
{
    private readonly Queue<string> _lines = new();
    private readonly object _gate = new();
    private readonly int _maxLines;
    private int _droppedLines;

    public BoundedOutputLog(int maxLines)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLines, 1);
        _maxLines = maxLines;
    }

    public void Add(string stream, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            if (_lines.Count == _maxLines)
            {
                _lines.Dequeue();
                _droppedLines++;
            }

            _lines.Enqueue($"[{stream}] {line}");
        }
    }

    public override string ToString()
    {
        lock (_gate)
        {
            var text = new StringBuilder();
            if (_droppedLines > 0)
            {
                text.Append("... ").Append(_droppedLines).AppendLine(" earlier lines dropped");
            }

            foreach (var line in _lines)
            {
                text.AppendLine(line);
            }

            return text.Length == 0 ? "(no output)" : text.ToString();
        }
    }
}
