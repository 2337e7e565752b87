namespace Asl;

/// <summary>
/// The history's mutual exclusion: one compare-and-swap to enter and a plain write to leave, about half what a
/// <see cref="Lock"/> costs, paid on every event. Appends are short and contended only by the branches or iterations
/// of one execution; a waiter spins briefly, then yields. Not re-entrant: entering twice on one thread throws rather
/// than hanging.
/// </summary>
internal struct HistoryGate
{
    private int _busy;
    private int _owner;

    public void Enter()
    {
        if (Interlocked.CompareExchange(ref _busy, 1, 0) != 0)
        {
            EnterContended();
        }

        _owner = Environment.CurrentManagedThreadId;
    }

    public void Exit()
    {
        _owner = 0;
        Volatile.Write(ref _busy, 0);
    }

    private void EnterContended()
    {
        if (Volatile.Read(ref _owner) == Environment.CurrentManagedThreadId)
        {
            throw new InvalidOperationException("A history subscriber must not read or change the history it is called from.");
        }

        var spinner = default(SpinWait);
        do
        {
            spinner.SpinOnce();
        }
        while (Interlocked.CompareExchange(ref _busy, 1, 0) != 0);
    }
}
