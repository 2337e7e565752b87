namespace Lambda.Local;

/// <summary>
/// The execution environments of one function. An invocation takes the most recently used idle process (a warm
/// start), else starts a new one while fewer than <see cref="FunctionDefinition.MaxConcurrency"/> exist, else waits
/// in a bounded queue for one to come free; past the queue it is throttled (<c>TooManyRequestsException</c>).
/// Lambda itself throttles synchronous invocations at once; the queue lets a local Map state with more branches
/// than processes finish instead of failing.
/// </summary>
internal sealed class FunctionPool : IAsyncDisposable
{
    private readonly LambdaEmulatorOptions _options;
    private readonly Lock _gate = new();
    private readonly List<Sandbox> _idle = [];
    private readonly HashSet<Sandbox> _all = [];
    private readonly LinkedList<TaskCompletionSource<Sandbox>> _waiters = new();
    private bool _disposed;

    public FunctionPool(FunctionDefinition function, LambdaEmulatorOptions options)
    {
        Function = function;
        _options = options;
    }

    public FunctionDefinition Function { get; }

    /// <summary>Runs <paramref name="invocation"/>; cancelling stops waiting, not the function.</summary>
    public async Task<InvocationResult> InvokeAsync(Invocation invocation, CancellationToken cancellationToken)
    {
        while (true)
        {
            var sandbox = await AcquireAsync(cancellationToken).ConfigureAwait(false);
            if (sandbox.TryAssign(invocation))
            {
                return await RunAndReleaseAsync(sandbox, invocation).WaitAsync(cancellationToken).ConfigureAwait(false);
            }

            // It died while idle, between being handed out and taking the invocation.
            Release(sandbox);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Sandbox[] sandboxes;
        lock (_gate)
        {
            _disposed = true;
            foreach (var waiter in _waiters)
            {
                waiter.TrySetException(LambdaServiceException.ShuttingDown());
            }

            _waiters.Clear();
            sandboxes = [.. _all];
        }

        await Task.WhenAll(sandboxes.Select(sandbox => sandbox.DisposeAsync().AsTask())).ConfigureAwait(false);
    }

    /// <summary>Kills every process tree synchronously, for when the host is exiting and cannot wait.</summary>
    public void KillAll()
    {
        Sandbox[] sandboxes;
        lock (_gate)
        {
            sandboxes = [.. _all];
        }

        foreach (var sandbox in sandboxes)
        {
            sandbox.Kill();
        }
    }

    private async Task<InvocationResult> RunAndReleaseAsync(Sandbox sandbox, Invocation invocation)
    {
        try
        {
            return await sandbox.RunAsync(invocation).ConfigureAwait(false);
        }
        finally
        {
            Release(sandbox);
        }
    }

    private async Task<Sandbox> AcquireAsync(CancellationToken cancellationToken)
    {
        TaskCompletionSource<Sandbox> waiter;
        LinkedListNode<TaskCompletionSource<Sandbox>> node;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_idle.Count > 0)
            {
                var warm = _idle[^1];
                _idle.RemoveAt(_idle.Count - 1);
                return warm;
            }

            if (_all.Count < Function.MaxConcurrency)
            {
                return CreateSandbox();
            }

            if (_waiters.Count >= _options.MaxQueuedInvocations)
            {
                throw LambdaServiceException.Throttled();
            }

            waiter = new TaskCompletionSource<Sandbox>(TaskCreationOptions.RunContinuationsAsynchronously);
            node = _waiters.AddLast(waiter);
        }

        using (cancellationToken.Register(() => CancelWaiter(node)))
        {
            return await waiter.Task.ConfigureAwait(false);
        }
    }

    private void CancelWaiter(LinkedListNode<TaskCompletionSource<Sandbox>> node)
    {
        lock (_gate)
        {
            // A waiter still in the list has not been handed a sandbox, so nothing leaks.
            if (node.List is not null)
            {
                _waiters.Remove(node);
                node.Value.TrySetCanceled();
            }
        }
    }

    private void Release(Sandbox sandbox)
    {
        lock (_gate)
        {
            if (sandbox.IsAlive && !_disposed)
            {
                if (!HandToWaiter(sandbox))
                {
                    _idle.Add(sandbox);
                }

                return;
            }

            Retire(sandbox);
        }
    }

    private void OnSandboxExit(Sandbox sandbox)
    {
        lock (_gate)
        {
            // Only an idle sandbox is retired here; a busy one is retired when its invocation releases it.
            if (_idle.Remove(sandbox))
            {
                Retire(sandbox);
            }
        }
    }

    // Under the gate: frees the sandbox's slot, and gives a waiter a fresh sandbox in its place.
    private void Retire(Sandbox sandbox)
    {
        if (_all.Remove(sandbox) && !_disposed && _waiters.Count > 0)
        {
            HandToWaiter(CreateSandbox());
        }
    }

    private bool HandToWaiter(Sandbox sandbox)
    {
        if (_waiters.First is not { } first)
        {
            return false;
        }

        _waiters.RemoveFirst();
        first.Value.SetResult(sandbox);
        return true;
    }

    private Sandbox CreateSandbox()
    {
        var sandbox = new Sandbox(Function, _options, OnSandboxExit);
        _all.Add(sandbox);
        return sandbox;
    }
}
