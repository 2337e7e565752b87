using System.Text.Json.Nodes;

namespace Asl;

/// <summary>
/// Derives TestState's DEBUG inspection data for one state of a finished execution with the state's own compiled
/// data-flow stages. What the run handed on (the input, the parameters a task was called with, the task's result)
/// is taken from the history; the stages in between are evaluated again from those values, so no stage has a second
/// implementation here.
/// </summary>
public static class StateInspector
{
    private static readonly HashSet<HistoryEventType> FailureEvents =
    [
        HistoryEventType.TaskFailed, HistoryEventType.TaskTimedOut, HistoryEventType.TaskStartFailed, HistoryEventType.TaskSubmitFailed,
        HistoryEventType.LambdaFunctionFailed, HistoryEventType.LambdaFunctionTimedOut, HistoryEventType.MapStateFailed, HistoryEventType.ParallelStateFailed,
        HistoryEventType.ActivityFailed, HistoryEventType.ActivityTimedOut,
    ];

    /// <summary>
    /// Inspects the first visit of <paramref name="stateName"/> (a top-level state) in <paramref name="execution"/>;
    /// <paramref name="variables"/> are the variables the state started with.
    /// </summary>
    public static StateInspection Inspect(Execution execution, string stateName, JsonObject? variables = null)
    {
        ArgumentNullException.ThrowIfNull(execution);
        ArgumentNullException.ThrowIfNull(stateName);
        var events = execution.History.Snapshot();
        var start = FindEntry(events, stateName);
        if (start < 0 || !execution.StateMachine.Root.States.TryGetValue(stateName, out var node))
        {
            return new StateInspection([], variables, null);
        }

        var entered = events[start];
        var input = ((StateEnteredDetails)entered.Details!).Input;
        var own = OwnEvents(events, start + 1);
        var scope = new VariableScope(null);
        if (variables is not null)
        {
            var values = variables.ToDictionary(p => p.Key, p => p.Value?.DeepClone(), StringComparer.Ordinal);
            scope.Assign(values, values.ToDictionary(p => p.Key, p => JsonLimits.Measure(p.Value), StringComparer.Ordinal));
        }

        var visit = new StateVisit(new Frame(execution, scope, CancellationToken.None, entered.Id), node, entered);
        var stages = new List<KeyValuePair<string, JsonNode?>> { new("input", input) };
        try
        {
            AddStages(stages, visit, node, input, own, PassResult(execution.StateMachine.Definition, stateName));
        }
        catch (StatesErrorException)
        {
            // The run failed at this stage as well: the stages before it are what there is to show.
        }

        var exited = own.Select(e => e.Details).OfType<StateExitedDetails>().FirstOrDefault(d => d.Name == stateName);
        return new StateInspection(stages, Variables(variables, exited), CatchIndex(node, own, exited));
    }

    private static void AddStages(List<KeyValuePair<string, JsonNode?>> stages, StateVisit visit, StateNode node, JsonNode? input, List<HistoryEvent> own, (bool Has, JsonNode? Value) passResult)
    {
        var scheduled = own.Select(e => e.Details).FirstOrDefault(d => d is TaskScheduledDetails or LambdaFunctionScheduledDetails or ActivityScheduledDetails) switch
        {
            TaskScheduledDetails task => task.Parameters,
            LambdaFunctionScheduledDetails lambda => lambda.Input,
            ActivityScheduledDetails activity => activity.Input,
            _ => null,
        };
        var succeeded = own.FirstOrDefault(e => e.Type is HistoryEventType.TaskSucceeded or HistoryEventType.LambdaFunctionSucceeded or HistoryEventType.ActivitySucceeded)?.Details switch
        {
            TaskDetails task => (Found: true, Value: task.Output),
            OutputDetails output => (Found: true, Value: output.Output),
            _ => (Found: false, Value: null),
        };

        if (node.Flow is not JsonPathDataFlow flow)
        {
            if (node is TaskState)
            {
                stages.Add(new("afterArguments", scheduled));
                AddResult(stages, succeeded);
            }

            return;
        }

        JsonNode? result;
        if (node is PassState && passResult.Has)
        {
            result = passResult.Value;
            stages.Add(new("result", result));
        }
        else
        {
            var afterInputPath = flow.SelectInput(visit, input);
            stages.Add(new("afterInputPath", afterInputPath));
            if (node is not (PassState or TaskState))
            {
                return;
            }

            result = node is TaskState && scheduled is not null ? scheduled : flow.BuildParameters(visit, afterInputPath);
            stages.Add(new("afterParameters", result));
            if (node is TaskState)
            {
                if (!succeeded.Found)
                {
                    return;
                }

                result = succeeded.Value;
                stages.Add(new("result", result));
            }
        }

        var (afterResultSelector, afterResultPath) = flow.ResultStages(visit, input, result);
        stages.Add(new("afterResultSelector", afterResultSelector));
        stages.Add(new("afterResultPath", afterResultPath));
    }

    private static void AddResult(List<KeyValuePair<string, JsonNode?>> stages, (bool Found, JsonNode? Value) succeeded)
    {
        if (succeeded.Found)
        {
            stages.Add(new("result", succeeded.Value));
        }
    }

    private static int FindEntry(IReadOnlyList<HistoryEvent> events, string stateName)
    {
        for (var i = 0; i < events.Count; i++)
        {
            if (events[i].Details is StateEnteredDetails entered && entered.Name == stateName)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The events after the state's entry up to the next state's entry.</summary>
    private static List<HistoryEvent> OwnEvents(IReadOnlyList<HistoryEvent> events, int from)
    {
        var own = new List<HistoryEvent>();
        for (var i = from; i < events.Count && events[i].Details is not StateEnteredDetails; i++)
        {
            own.Add(events[i]);
        }

        return own;
    }

    /// <summary>A Pass state's literal Result, which replaces its input and parameter stages.</summary>
    private static (bool Has, JsonNode? Value) PassResult(string definition, string stateName) =>
        JsonNode.Parse(definition)?["States"]?[stateName] is JsonObject state && state.TryGetPropertyValue("Result", out var result)
            ? (true, result?.DeepClone())
            : (false, null);

    private static JsonObject? Variables(JsonObject? initial, StateExitedDetails? exited)
    {
        if (initial is null && exited?.AssignedVariables is null)
        {
            return null;
        }

        var all = (JsonObject?)initial?.DeepClone() ?? [];
        foreach (var (name, value) in exited?.AssignedVariables ?? new Dictionary<string, JsonNode?>())
        {
            all[name] = value?.DeepClone();
        }

        return all;
    }

    private static int? CatchIndex(StateNode node, List<HistoryEvent> own, StateExitedDetails? exited)
    {
        if (exited is null || node is not ExecutionState state)
        {
            return null;
        }

        var error = own.LastOrDefault(e => FailureEvents.Contains(e.Type))?.Details switch
        {
            TaskDetails task => task.Error,
            ErrorDetails details => details.Error,
            _ => null,
        };
        if (error is null)
        {
            return null;
        }

        var failure = new StatesErrorException(error, null);
        var index = Array.FindIndex(state.Catch, c => ErrorMatcher.Matches(c.ErrorEquals, failure));
        return index < 0 ? null : index;
    }
}
