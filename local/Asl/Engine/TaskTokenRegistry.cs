using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Asl;

/// <summary>
/// Task tokens of <c>.waitForTaskToken</c> tasks: unguessable (256 random bits), each resolving one waiting task.
/// Closed tokens are remembered so late callbacks get AWS's TaskDoesNotExist / TaskTimedOut rather than InvalidToken.
/// </summary>
internal sealed class TaskTokenRegistry
{
    private readonly ConcurrentDictionary<string, PendingCallback> _tokens = new(StringComparer.Ordinal);

    public PendingCallback Issue(Execution owner)
    {
        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        var pending = new PendingCallback(token, owner);
        _tokens[token] = pending;
        return pending;
    }

    public void SendSuccess(string token, string output)
    {
        var pending = Find(token);
        JsonNode? value;
        try
        {
            value = JsonMaterializer.Materialize(JsonNode.Parse(output), decodeStrings: true);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            throw new AslApiException("InvalidOutput", $"Invalid Output: '{e.Message}'");
        }

        if (JsonLimits.Exceeds(value))
        {
            throw new AslApiException("InvalidOutput", "Invalid Output: 'the output exceeds the maximum size of 262144 bytes'");
        }

        Complete(pending, new CallbackOutcome(value, null, null));
    }

    public void SendFailure(string token, string? error, string? cause) =>
        Complete(Find(token), new CallbackOutcome(null, error ?? string.Empty, cause));

    /// <summary>
    /// Accepts callbacks for a token handed out before a restart while its task has not yet re-run; whatever arrives
    /// is passed on by <see cref="Alias"/>.
    /// </summary>
    public void Reserve(string token) => _tokens[token] = new PendingCallback(token);

    /// <summary>Makes a token handed out before a restart resolve the task now waiting under <paramref name="current"/>.</summary>
    public void Alias(string previous, string current)
    {
        if (!_tokens.TryGetValue(current, out var pending))
        {
            return;
        }

        if (_tokens.TryGetValue(previous, out var reserved) && reserved != pending)
        {
            reserved.Heartbeat = () => pending.Heartbeat?.Invoke();
            _ = reserved.Outcome.Task.ContinueWith(
                done => pending.Outcome.TrySetResult(done.Result),
                CancellationToken.None,
                TaskContinuationOptions.OnlyOnRanToCompletion | TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }

        _tokens[previous] = pending;
    }

    /// <summary>Remembers a token of an execution that ended before a restart, so late callbacks get TaskDoesNotExist.</summary>
    public void RememberClosed(string token) =>
        _tokens.TryAdd(token, new PendingCallback(token) { State = CallbackState.Closed });

    /// <summary>Completes a waiting task with an outcome that was recorded before a restart.</summary>
    public void Resolve(string token, CallbackOutcome outcome)
    {
        if (_tokens.TryGetValue(token, out var pending))
        {
            pending.Outcome.TrySetResult(outcome);
        }
    }

    public void SendHeartbeat(string token)
    {
        var pending = Find(token);
        ThrowIfClosed(pending);
        pending.Heartbeat?.Invoke();
    }

    private static void Complete(PendingCallback pending, CallbackOutcome outcome)
    {
        ThrowIfClosed(pending);
        if (!pending.Outcome.TrySetResult(outcome))
        {
            throw new AslApiException("TaskDoesNotExist", "Task Does Not Exist");
        }
    }

    private static void ThrowIfClosed(PendingCallback pending)
    {
        if (pending.State == CallbackState.Open && pending.Owner is { Status: not ExecutionStatus.Running })
        {
            throw new AslApiException("TaskDoesNotExist", "Task Does Not Exist");
        }

        switch (pending.State)
        {
            case CallbackState.TimedOut:
                throw new AslApiException("TaskTimedOut", "Task Timed Out");
            case CallbackState.Closed:
                throw new AslApiException("TaskDoesNotExist", "Task Does Not Exist");
            default:
                return;
        }
    }

    private PendingCallback Find(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return _tokens.TryGetValue(token, out var pending)
            ? pending
            : throw new AslApiException("InvalidToken", $"Invalid Token: '{token}'");
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
