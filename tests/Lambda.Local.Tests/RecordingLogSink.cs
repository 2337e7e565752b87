namespace Lambda.Local.Tests;

/// <summary>Keeps function log lines, and lets a test await a line it expects.</summary>
internal sealed class RecordingLogSink : IFunctionLogSink
{
    private readonly Lock _gate = new();
    private readonly List<string> _lines = [];
    private readonly List<(string Fragment, int Occurrence, TaskCompletionSource<string> Signal)> _waiters = [];

    public IReadOnlyCollection<string> Lines
    {
        get
        {
            lock (_gate)
            {
                return [.. _lines];
            }
        }
    }

    public void WriteLine(string functionName, string line)
    {
        lock (_gate)
        {
            _lines.Add($"[{functionName}] {line}");
            foreach (var waiter in _waiters)
            {
                TrySignal(waiter);
            }
        }
    }

    /// <summary>
    /// The <paramref name="occurrence"/>-th line containing <paramref name="fragment"/>, written before or after this
    /// call; the timeout only keeps a broken run from hanging.
    /// </summary>
    public Task<string> WaitForLineAsync(string fragment, int occurrence = 1)
    {
        var waiter = (fragment, occurrence, new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously));
        lock (_gate)
        {
            _waiters.Add(waiter);
            TrySignal(waiter);
        }

        return waiter.Item3.Task.WaitAsync(TimeSpan.FromSeconds(60));
    }

    private void TrySignal((string Fragment, int Occurrence, TaskCompletionSource<string> Signal) waiter)
    {
        var matches = _lines.Where(line => line.Contains(waiter.Fragment, StringComparison.Ordinal)).Take(waiter.Occurrence).ToList();
        if (matches.Count == waiter.Occurrence)
        {
            waiter.Signal.TrySetResult(matches[^1]);
        }
    }
}
