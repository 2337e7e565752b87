using System.Text;
using Asl;

namespace StepFunctions.Local;

/// <summary>
/// One durable execution's log file, open while it runs: each new history event (and each task token it hands out)
/// is one JSON line, written with one write call and flushed to the OS at once, so a <c>kill -9</c> loses at most a
/// torn last line. No fsync: the OS keeps what it received when the process dies.
/// </summary>
internal sealed class ExecutionLog : IDisposable
{
    private static readonly byte[] NewLine = "\n"u8.ToArray();
    private readonly Lock _gate = new();
    private readonly FileStream _file;
    private readonly long _restoredEvents;
    private IDisposable? _subscription;
    private bool _disposed;

    public ExecutionLog(string path, string? header, Execution execution)
    {
        _file = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite, bufferSize: 0);
        if (header is not null)
        {
            WriteLine(header);
        }

        _restoredEvents = execution.History.Count;
        _subscription = execution.History.Subscribe(Write);
    }

    public void WriteLine(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json + "\n");
        lock (_gate)
        {
            if (!_disposed)
            {
                _file.Write(bytes);
                _file.Flush();
            }
        }
    }

    public void Dispose()
    {
        _subscription?.Dispose();
        _subscription = null;
        lock (_gate)
        {
            _disposed = true;
            _file.Dispose();
        }
    }

    private void Write(HistoryEvent recorded)
    {
        if (recorded.Id > _restoredEvents)
        {
            WriteLine(recorded.ToJson());
        }
    }

    /// <summary>The length of <paramref name="content"/> up to its last complete line (a torn tail is cut off).</summary>
    public static int CompleteLength(ReadOnlySpan<byte> content) => content.LastIndexOf(NewLine) + 1;
}
