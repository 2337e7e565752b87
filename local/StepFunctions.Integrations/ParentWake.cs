using Asl;

namespace StepFunctions.Integrations;

/// <summary>
/// A <c>.sync</c> parent task's clock activity while its child runs: given up at once, taken back exactly once, either
/// as the child records its terminal event (under the child's history lock, while the child still holds its own
/// activity) or when the parent stops waiting for another reason (cancellation).
/// </summary>
internal sealed class ParentWake : IDisposable
{
    private readonly IClock _clock;
    private int _awake;

    public ParentWake(IClock clock)
    {
        _clock = clock;
        _clock.EndActivity();
    }

    public void OnChildEvent(HistoryEvent recorded)
    {
        if (recorded.Type is HistoryEventType.ExecutionSucceeded or HistoryEventType.ExecutionFailed
            or HistoryEventType.ExecutionAborted or HistoryEventType.ExecutionTimedOut)
        {
            Wake();
        }
    }

    public void Dispose() => Wake();

    private void Wake()
    {
        if (Interlocked.Exchange(ref _awake, 1) == 0)
        {
            _clock.BeginActivity();
        }
    }
}
