using System.Text.Json.Nodes;

namespace Asl;

/// <summary>
/// Task: one <see cref="ITaskHandler"/> call per attempt, recorded as TaskScheduled/TaskStarted/TaskSucceeded (or
/// LambdaFunction* for legacy Lambda ARNs, Activity* for activity ARNs), with TaskSubmitted and a callback wait for
/// <c>.waitForTaskToken</c>; an activity waits for its worker's callback the same way.
/// </summary>
internal sealed class TaskState(
    string name,
    StateDataFlow flow,
    Retrier[] retry,
    Catcher[] catchers,
    TaskResource resource,
    FieldValue? timeoutSeconds,
    FieldValue? heartbeatSeconds) : ExecutionState(name, flow, retry, catchers)
{
    private const long DefaultTimeoutSeconds = 99_999_999;

    public TaskResource Resource { get; } = resource;

    public override HistoryEventType EnteredType => HistoryEventType.TaskStateEntered;

    protected override HistoryEventType ExitedType => HistoryEventType.TaskStateExited;

    protected override HistoryEventType AbortedType => HistoryEventType.TaskStateAborted;

    protected override async ValueTask<StateOutcome> AttemptAsync(StateVisit visit, JsonNode? rawInput)
    {
        var frame = visit.Frame;
        var run = frame.Run;
        if (Resource.IsActivity && run.Engine.TaskHandler is ActivityTaskHandler activities && !activities.Contains(Resource.Arn))
        {
            throw visit.RuntimeFailure($"The activity {Resource.Arn} does not exist.");
        }

        var callback = Resource.Pattern == TaskPattern.WaitForTaskToken || Resource.IsActivity ? run.Engine.Tokens.Issue(run) : null;
        if (callback is not null)
        {
            visit = visit with { TaskToken = callback.Token };
        }

        var effective = Flow.SelectInput(visit, rawInput);
        var parameters = Flow.BuildParameters(visit, effective);
        var timeout = ReadSeconds(visit, timeoutSeconds, effective);
        var heartbeat = ReadSeconds(visit, heartbeatSeconds, effective);

        // The timers start before TaskStarted is recorded, so anyone who sees that event and moves a virtual
        // clock forward finds them in place.
        using var guard = new TaskGuard(frame.Clock, frame.Token, timeout ?? DefaultTimeoutSeconds, heartbeat);
        RecordScheduled(frame, parameters, timeout, heartbeat);
        JsonNode? result;
        try
        {
            var invocation = new TaskInvocation
            {
                Resource = Resource,
                Parameters = parameters,
                StateName = Name,
                ExecutionArn = run.Arn,
                StateMachineName = run.StateMachine.Name,
                TestCase = run.TestCase,
                InvocationIndex = run.NextInvocationIndex(Name),
                TaskToken = callback?.Token,
                TimeoutSeconds = timeout ?? DefaultTimeoutSeconds,
                Clock = frame.Clock,
                ActivityStarted = worker =>
                {
                    guard.Beat();
                    frame.Append(HistoryEventType.ActivityStarted, new ActivityStartedDetails(worker));
                },
            };
            result = await InvokeAsync(frame, invocation, callback, guard).ConfigureAwait(false);
        }
        catch (StatesErrorException e)
        {
            RecordFailed(frame, e);
            throw;
        }
        finally
        {
            if (callback is not null && callback.State == CallbackState.Open)
            {
                callback.State = CallbackState.Closed;
            }
        }

        result = JsonMaterializer.Materialize(result);
        if (JsonLimits.Exceeds(result))
        {
            // AWS lets States.ALL catch an oversized task result, unlike an oversized state output.
            var tooLarge = new StatesErrorException(
                ErrorNames.DataLimitExceeded,
                $"The state/task '{Resource.Arn}' returned a result with a size exceeding the maximum number of bytes service limit.");
            RecordFailed(frame, tooLarge);
            throw tooLarge;
        }

        if (Resource.IsLegacyLambda || Resource.IsActivity)
        {
            frame.Append(Resource.IsActivity ? HistoryEventType.ActivitySucceeded : HistoryEventType.LambdaFunctionSucceeded, new OutputDetails(result));
        }
        else
        {
            frame.Append(HistoryEventType.TaskSucceeded, new TaskDetails(Resource.ResourceType, Resource.Resource) { Output = result, HasOutput = true });
        }

        return Flow.Complete(visit, rawInput, result);
    }

    private async ValueTask<JsonNode?> InvokeAsync(Frame frame, TaskInvocation invocation, PendingCallback? callback, TaskGuard guard)
    {
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(frame.Token);
        try
        {
            var pending = frame.Run.Engine.TaskHandler.InvokeAsync(invocation with { Heartbeat = guard.Beat }, cancellation.Token);
            TaskHandlerResult outcome;
            if (pending.IsCompletedSuccessfully)
            {
                outcome = pending.Result;
            }
            else
            {
                try
                {
                    outcome = await guard.RaceAsync(pending.AsTask()).ConfigureAwait(false);
                }
                finally
                {
                    await cancellation.CancelAsync().ConfigureAwait(false);
                }
            }

            if (callback is null || !outcome.IsSubmitted)
            {
                return outcome.Output;
            }

            callback.Heartbeat = guard.Beat;
            if (!Resource.IsActivity)
            {
                frame.Append(HistoryEventType.TaskSubmitted, new TaskDetails(Resource.ResourceType, Resource.Resource) { Output = outcome.Output, HasOutput = true });
            }

            CallbackOutcome delivered;
            try
            {
                delivered = await guard.RaceAsync(callback.Outcome.Task).ConfigureAwait(false);
            }
            catch (StatesErrorException e) when (e.Error == ErrorNames.Timeout)
            {
                callback.State = CallbackState.TimedOut;
                throw;
            }

            return delivered.Error is null ? delivered.Output : throw new StatesErrorException(delivered.Error, delivered.Cause);
        }
        catch (OperationCanceledException) when (!frame.Token.IsCancellationRequested)
        {
            throw new StatesErrorException(ErrorNames.Timeout, string.Empty);
        }
    }

    private void RecordScheduled(Frame frame, JsonNode? parameters, long? timeout, long? heartbeat)
    {
        if (Resource.IsActivity)
        {
            frame.Append(HistoryEventType.ActivityScheduled, new ActivityScheduledDetails(Resource.Arn, parameters, timeout, heartbeat));
            return;
        }

        if (Resource.IsLegacyLambda)
        {
            frame.Append(HistoryEventType.LambdaFunctionScheduled, new LambdaFunctionScheduledDetails(Resource.Arn, parameters, timeout));
            frame.Append(HistoryEventType.LambdaFunctionStarted, null);
            return;
        }

        frame.Append(
            HistoryEventType.TaskScheduled,
            new TaskScheduledDetails(Resource.ResourceType, Resource.Resource, frame.Run.Engine.Options.Region, parameters, timeout, heartbeat));
        frame.Append(HistoryEventType.TaskStarted, new TaskDetails(Resource.ResourceType, Resource.Resource));
    }

    private void RecordFailed(Frame frame, StatesErrorException error)
    {
        var timedOut = error.Error == ErrorNames.Timeout;
        if (Resource.IsActivity)
        {
            frame.Append(timedOut ? HistoryEventType.ActivityTimedOut : HistoryEventType.ActivityFailed, new ErrorDetails(error.Error, error.Cause));
            return;
        }

        if (Resource.IsLegacyLambda)
        {
            frame.Append(timedOut ? HistoryEventType.LambdaFunctionTimedOut : HistoryEventType.LambdaFunctionFailed, new ErrorDetails(error.Error, error.Cause));
            return;
        }

        frame.Append(
            timedOut ? HistoryEventType.TaskTimedOut : HistoryEventType.TaskFailed,
            new TaskDetails(Resource.ResourceType, Resource.Resource) { Error = error.Error, Cause = error.Cause });
    }

    private static long? ReadSeconds(in StateVisit visit, FieldValue? field, JsonNode? input)
    {
        if (field is null)
        {
            return null;
        }

        if (!field.TryEvaluate(visit, input, out var value))
        {
            throw visit.RuntimeFailure($"The {field.FieldName} parameter does not reference an input value: {field.Describe}");
        }

        return JsonNumbers.TryGetInteger(value, out var seconds) && seconds > 0
            ? seconds
            : throw visit.RuntimeFailure($"The {field.FieldName} parameter references an invalid value: {field.Describe} == {value?.ToJsonString() ?? "null"}");
    }
}
