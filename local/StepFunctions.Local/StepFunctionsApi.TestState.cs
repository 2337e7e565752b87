using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Asl;

namespace StepFunctions.Local;

/// <content>
/// TestState: runs one state on its own engine with a virtual clock. Each state it can transition to is stood in for
/// by an ending Pass state, so the first of them entered is the next state and its input is the tested state's output.
/// A mock answers the state's task; a mocked error that a retrier matches is reported RETRIABLE, as AWS does, without
/// retrying.
/// </content>
public sealed partial class StepFunctionsApi
{
    private const string TestStateName = "TestState";
    private static readonly string[] InspectionLevels = ["INFO", "DEBUG", "TRACE"];
    private static readonly HashSet<HistoryEventType> FailureEvents =
    [
        HistoryEventType.TaskFailed, HistoryEventType.TaskTimedOut, HistoryEventType.LambdaFunctionFailed, HistoryEventType.LambdaFunctionTimedOut,
        HistoryEventType.MapStateFailed, HistoryEventType.ParallelStateFailed, HistoryEventType.TaskStartFailed, HistoryEventType.TaskSubmitFailed,
        HistoryEventType.ActivityFailed, HistoryEventType.ActivityTimedOut,
    ];

    private async ValueTask TestStateAsync(ApiRequest request, Utf8JsonWriter writer, CancellationToken cancellationToken)
    {
        var definition = request.String("definition", 1, AslValidator.MaxDefinitionLength, required: true);
        request.String("roleArn", 1, 256);
        var input = request.String("input", 0, 262144) ?? "{}";
        var level = request.Enum("inspectionLevel", InspectionLevels) ?? "INFO";
        request.Boolean("revealSecrets");
        var stateName = request.String("stateName", 1, 80);
        var variablesText = request.String("variables", 0, 262144);
        var mock = request.Object("mock");
        var retryCount = request.Object("stateConfiguration") is { } configuration && configuration.TryGetProperty("retrierRetryCount", out var count) && count.TryGetInt32(out var retries) ? retries : 0;
        request.ThrowIfInvalid();

        var (name, state, machineLanguage) = SelectState(definition!, stateName);
        var variables = ReadVariables(variablesText);
        var (mockResult, mockError, mockCause) = ReadMock(mock);
        if (mock is null && state["Resource"] is JsonValue resource && resource.ToString() is var arn
            && (arn.EndsWith(".waitForTaskToken", StringComparison.Ordinal) || arn.Contains(".sync", StringComparison.Ordinal) || arn.Contains(":activity:", StringComparison.Ordinal)))
        {
            throw new ApiException("ValidationException", $"A mock is required to test the state '{name}': its resource '{arn}' waits for a callback, a job or an activity worker");
        }

        var debug = level != "INFO";
        if (mockError is not null && MatchingRetrier(state, mockError, retryCount) is { } retrier)
        {
            writer.WriteString("error", mockError);
            writer.WriteOptional("cause", mockCause);
            writer.WriteString("status", "RETRIABLE");
            writer.WriteStartObject("inspectionData");
            if (debug)
            {
                writer.WriteString("input", input);
            }

            writer.WriteStartObject("errorDetails");
            writer.WriteNumber("retryIndex", retrier.Index);
            writer.WriteNumber("retryBackoffIntervalSeconds", retrier.BackoffSeconds);
            writer.WriteEndObject();
            writer.WriteEndObject();
            return;
        }

        state.Remove("Retry");
        var compiled = CompileTestMachine(name, state, machineLanguage, variables);
        ITaskHandler handler = mock is null ? Options.TaskHandler : new MockedTask(mockResult, mockError, mockCause);
        var engine = new AslEngine(new AslEngineOptions { Clock = new VirtualClock(), TaskHandler = handler, Region = Options.Region, AccountId = Options.AccountId });
        StateMachine machine;
        try
        {
            machine = engine.CreateStateMachine(TestStateName, compiled);
        }
        catch (InvalidDefinitionException e)
        {
            throw new ApiException("InvalidDefinition", e.Message);
        }

        var execution = engine.StartExecution(machine, input);
        await execution.Completion.WaitAsync(TimeSpan.FromMinutes(5), cancellationToken).ConfigureAwait(false);
        var events = execution.History.Snapshot();
        var entered = events.TakeWhile(e => e.Details is not StateEnteredDetails { } d || d.Name != name).Count();
        var next = events.Skip(entered + 1).Select(e => e.Details).OfType<StateEnteredDetails>().FirstOrDefault();
        var failure = events.Skip(entered).FirstOrDefault(e => FailureEvents.Contains(e.Type))?.Details;
        if (execution.Status != ExecutionStatus.Succeeded)
        {
            writer.WriteOptional("error", execution.Error);
            writer.WriteOptional("cause", execution.Cause);
            writer.WriteString("status", "FAILED");
        }
        else if (next is not null)
        {
            writer.WriteString("output", HistoryEventDetails.Encode(next.Input));
            WriteFailure(writer, failure);
            writer.WriteString("nextState", next.Name);
            writer.WriteString("status", failure is null ? "SUCCEEDED" : "CAUGHT_ERROR");
        }
        else
        {
            writer.WriteString("output", HistoryEventDetails.Encode(execution.Output));
            writer.WriteString("status", "SUCCEEDED");
        }

        if (debug)
        {
            WriteInspection(writer, StateInspector.Inspect(execution, name, variables));
        }
    }

    /// <summary>
    /// The tested state with an ending Pass state standing in for each state it can go to, and, when the request gives
    /// variables, a Pass state before it that assigns them.
    /// </summary>
    private static string CompileTestMachine(string name, JsonObject state, JsonNode? language, JsonObject? variables)
    {
        var states = new JsonObject();
        var start = name;
        if (variables is not null)
        {
            start = "TestStateVariables";
            while (start == name || Targets(state).Contains(start))
            {
                start += "_";
            }

            states[start] = new JsonObject { ["Type"] = "Pass", ["Assign"] = variables.DeepClone(), ["Next"] = name };
        }

        states[name] = state;
        foreach (var target in Targets(state).Where(t => t != name && t != start))
        {
            states[target] = new JsonObject { ["Type"] = "Pass", ["End"] = true };
        }

        var machine = new JsonObject { ["StartAt"] = start, ["States"] = states };
        if (language is not null)
        {
            machine["QueryLanguage"] = language;
        }

        return machine.ToJsonString();
    }

    private static JsonObject? ReadVariables(string? text)
    {
        if (text is null)
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(text) as JsonObject ?? throw new ApiException("ValidationException", "variables must be a JSON object");
        }
        catch (JsonException e)
        {
            throw new ApiException("ValidationException", $"variables is not valid JSON: {e.Message}");
        }
    }

    private static (string Name, JsonObject State, JsonNode? Language) SelectState(string definition, string? stateName)
    {
        JsonObject root;
        try
        {
            root = JsonNode.Parse(definition, documentOptions: new JsonDocumentOptions { MaxDepth = AslValidator.MaxNestingDepth }) as JsonObject
                ?? throw new ApiException("InvalidDefinition", "Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: The definition must be a JSON object at /'");
        }
        catch (JsonException e)
        {
            throw new ApiException("InvalidDefinition", $"Invalid State Machine Definition: '{e.Message}'");
        }

        if (root["States"] is not JsonObject states)
        {
            return (stateName ?? TestStateName, root, null);
        }

        if (stateName is null)
        {
            throw new ApiException("ValidationException", "stateName is required when the definition is a whole state machine");
        }

        return states[stateName] is JsonObject state
            ? (stateName, (JsonObject)state.DeepClone(), root["QueryLanguage"]?.DeepClone())
            : throw new ApiException("ValidationException", $"The state '{stateName}' is not in the definition's States");
    }

    private static (JsonNode? Result, string? Error, string? Cause) ReadMock(JsonElement? mock)
    {
        if (mock is not { } body)
        {
            return (null, null, null);
        }

        if (body.TryGetProperty("result", out var result) && result.ValueKind == JsonValueKind.String)
        {
            try
            {
                return (JsonNode.Parse(ApiRequest.Text(result, "mock.result")), null, null);
            }
            catch (JsonException e)
            {
                throw new ApiException("ValidationException", $"mock.result is not valid JSON: {e.Message}");
            }
        }

        if (body.TryGetProperty("errorOutput", out var error) && error.ValueKind == JsonValueKind.Object)
        {
            var name = error.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.String ? ApiRequest.Text(e, "mock.errorOutput.error") : "States.TaskFailed";
            var cause = error.TryGetProperty("cause", out var c) && c.ValueKind == JsonValueKind.String ? ApiRequest.Text(c, "mock.errorOutput.cause") : null;
            return (null, name, cause);
        }

        throw new ApiException("ValidationException", "A mock must have exactly one of result (a JSON string) or errorOutput");
    }

    private static IEnumerable<string> Targets(JsonObject state)
    {
        foreach (var key in new[] { "Next", "Default" })
        {
            if (state[key] is JsonValue value && value.TryGetValue<string>(out var target))
            {
                yield return target;
            }
        }

        foreach (var list in new[] { "Choices", "Catch" })
        {
            foreach (var item in state[list] as JsonArray ?? [])
            {
                if (item?["Next"] is JsonValue value && value.TryGetValue<string>(out var target))
                {
                    yield return target;
                }
            }
        }
    }

    private static (int Index, double BackoffSeconds)? MatchingRetrier(JsonObject state, string error, int retryCount)
    {
        var retriers = state["Retry"] as JsonArray ?? [];
        for (var i = 0; i < retriers.Count; i++)
        {
            var errors = (retriers[i]?["ErrorEquals"] as JsonArray ?? []).Select(e => e?.ToString()).ToList();
            var matches = errors.Contains(error) || errors.Contains("States.ALL") || (errors.Contains("States.TaskFailed") && !error.StartsWith("States.", StringComparison.Ordinal));
            if (!matches)
            {
                continue;
            }

            var maxAttempts = Number(retriers[i]?["MaxAttempts"], 3);
            if (retryCount >= maxAttempts)
            {
                return null;
            }

            return (i, Number(retriers[i]?["IntervalSeconds"], 1) * Math.Pow(Number(retriers[i]?["BackoffRate"], 2), retryCount));
        }

        return null;
    }

    private static double Number(JsonNode? node, double fallback) =>
        node is JsonValue value && double.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : fallback;

    private static void WriteFailure(Utf8JsonWriter writer, HistoryEventDetails? failure)
    {
        var (error, cause) = failure switch
        {
            TaskDetails task => (task.Error, task.Cause),
            ErrorDetails details => (details.Error, details.Cause),
            _ => (null, null),
        };
        writer.WriteOptional("error", error);
        writer.WriteOptional("cause", cause);
    }

    private static void WriteInspection(Utf8JsonWriter writer, StateInspection inspection)
    {
        writer.WriteStartObject("inspectionData");
        foreach (var (stage, value) in inspection.Stages)
        {
            writer.WriteString(stage, HistoryEventDetails.Encode(value));
        }

        if (inspection.Variables is { } variables)
        {
            writer.WriteString("variables", HistoryEventDetails.Encode(variables));
        }

        if (inspection.CatchIndex is { } catchIndex)
        {
            writer.WriteStartObject("errorDetails");
            writer.WriteNumber("catchIndex", catchIndex);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    /// <summary>Answers every task attempt with the TestState mock.</summary>
    private sealed class MockedTask(JsonNode? result, string? error, string? cause) : ITaskHandler
    {
        public ValueTask<TaskHandlerResult> InvokeAsync(TaskInvocation invocation, CancellationToken cancellationToken) =>
            error is not null
                ? throw new StatesErrorException(error, cause)
                : ValueTask.FromResult(TaskHandlerResult.Completed(result?.DeepClone()));
    }
}
