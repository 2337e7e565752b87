using System.Globalization;
using System.Text.Json.Nodes;
using Asl.JsonPath;

namespace Asl;

/// <summary>One entry into a state: where it runs, its entered event, and the context-object pieces that vary per visit.</summary>
internal readonly record struct StateVisit(Frame Frame, StateNode State, HistoryEvent Entered)
{
    public int RetryCount { get; init; }

    public string? TaskToken { get; init; }

    public bool HasMapItem { get; init; }

    public int MapItemIndex { get; init; }

    public JsonNode? MapItemValue { get; init; }

    public static string FormatTimestamp(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public PathEvaluationContext Paths(JsonNode? input, bool withContext) => new()
    {
        Input = input,
        Context = withContext ? BuildContext() : null,
        Variables = Frame.Scope,
        Random = Frame.Run.Random,
    };

    /// <summary>The context object <c>$$</c> as it reads during this visit.</summary>
    public JsonObject BuildContext()
    {
        var run = Frame.Run;
        var state = new JsonObject
        {
            ["EnteredTime"] = FormatTimestamp(Entered.Timestamp),
            ["Name"] = State.Name,
        };
        if (State is ExecutionState)
        {
            state["RetryCount"] = RetryCount;
        }

        var context = new JsonObject
        {
            ["Execution"] = new JsonObject
            {
                ["Id"] = run.Arn,
                ["Input"] = run.Input?.DeepClone(),
                ["Name"] = run.Name,
                ["RoleArn"] = run.StateMachine.RoleArn,
                ["StartTime"] = FormatTimestamp(run.StartDate),
                ["RedriveCount"] = run.RedriveCount,
            },
            ["StateMachine"] = new JsonObject
            {
                ["Id"] = run.StateMachine.Arn,
                ["Name"] = run.StateMachine.Name,
            },
            ["State"] = state,
        };
        if (TaskToken is not null)
        {
            context["Task"] = new JsonObject { ["Token"] = TaskToken };
        }

        if (HasMapItem)
        {
            context["Map"] = new JsonObject
            {
                ["Item"] = new JsonObject { ["Index"] = MapItemIndex, ["Value"] = MapItemValue?.DeepClone() },
            };
        }

        return context;
    }

    /// <summary>AWS's States.Runtime cause prefix for a failure inside this state.</summary>
    public StatesErrorException RuntimeFailure(string message, string error = ErrorNames.Runtime) =>
        StatesErrorException.Terminal(error, $"An error occurred while executing the state '{State.Name}' (entered at the event id #{Entered.Id}). {message}");

    /// <summary>A JSONPath/intrinsic failure as the state's error: States.Runtime is terminal, others can be caught.</summary>
    public StatesErrorException Failure(JsonPathException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var error = exception is JsonPathEvaluationException evaluation ? evaluation.Error : ErrorNames.Runtime;
        var cause = $"An error occurred while executing the state '{State.Name}' (entered at the event id #{Entered.Id}). {exception.Message}";
        return new StatesErrorException(error, cause) { IsTerminal = error == ErrorNames.Runtime };
    }
}
