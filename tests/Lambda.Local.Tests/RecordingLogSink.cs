using System.Collections.Concurrent;

namespace Lambda.Local.Tests;

/// <summary>Keeps function log lines, and lets a test await a line it expects.</summary>
internal sealed class RecordingLogSink : IFunctionLogSink
{
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<string>> _awaited = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> Lines => _lines;

    public void WriteLine(string functionName, string line)
    {
        var entry = $"[{functionName}] {line}";
        _lines.Enqueue(entry);
        foreach (var (fragment, signal) in _awaited)
        {
            if (entry.Contains(fragment, StringComparison.Ordinal))
            {
                signal.TrySetResult(entry);
            }
        }
    }

    /// <summary>The first line containing <paramref name="fragment"/>, written before or after this call.</summary>
    public Task<string> WaitForLineAsync(string fragment)
    {
        var signal = _awaited.GetOrAdd(fragment, _ => new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (_lines.FirstOrDefault(line => line.Contains(fragment, StringComparison.Ordinal)) is { } existing)
        {
            signal.TrySetResult(existing);
        }

        return signal.Task.WaitAsync(TimeSpan.FromSeconds(60));
    }
}
