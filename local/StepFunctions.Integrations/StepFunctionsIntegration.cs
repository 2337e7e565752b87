using System.Globalization;
using System.Text.Json.Nodes;
using Asl;

namespace StepFunctions.Integrations;

/// <summary>
/// <c>states:startExecution</c>: request-response (<c>{ExecutionArn, StartDate, SdkHttpMetadata, SdkResponseMetadata}</c>),
/// <c>.sync</c> (DescribeExecution in PascalCase with Input/Output as strings), <c>.sync:2</c> (Input/Output parsed) and
/// <c>.waitForTaskToken</c>. Children run on the host's engine through <see cref="INestedExecutions"/>, or over the JSON
/// 1.0 API at STEP_FUNCTIONS_ENDPOINT. A child that does not succeed fails the task with States.TaskFailed and its
/// description as the cause.
/// </summary>
internal sealed class StepFunctionsIntegration(AwsHttp http, INestedExecutions? nested) : ITaskHandler
{
    private const string Service = "StepFunctions";

    public async ValueTask<TaskHandlerResult> InvokeAsync(TaskInvocation invocation, CancellationToken cancellationToken)
    {
        if (invocation.Resource.Action != "startExecution")
        {
            throw SqsIntegration.Unsupported(invocation);
        }

        var parameters = Payloads.Object(invocation.Parameters, Service);
        var arn = Payloads.Required(parameters, "StateMachineArn", $"{Service}.InvalidArnException", "states:startExecution");
        var input = Payloads.StringOrJson(parameters["Input"]) ?? "{}";
        var name = Payloads.Text(parameters["Name"]);
        var pattern = invocation.Resource.Pattern;
        JsonObject description = http.Options.StepFunctionsEndpoint is { } endpoint
            ? await RunRemoteAsync(endpoint, arn, input, name, pattern, invocation, cancellationToken).ConfigureAwait(false)
            : await RunLocalAsync(arn, input, name, pattern, invocation, cancellationToken).ConfigureAwait(false);
        return Payloads.Result(invocation, description);
    }

    private async Task<JsonObject> RunLocalAsync(string arn, string input, string? name, TaskPattern pattern, TaskInvocation invocation, CancellationToken cancellationToken)
    {
        var executions = nested ?? throw new StatesErrorException(
            ErrorNames.Runtime,
            $"The state '{invocation.StateName}' starts a nested execution, but this host has no state machine registry: set STEP_FUNCTIONS_ENDPOINT.")
        {
            IsTerminal = true,
        };
        Execution child;
        try
        {
            child = executions.Start(arn, input, name);
        }
        catch (AslApiException e)
        {
            var code = e.Code;
            throw new StatesErrorException(
                $"{Service}.{ServiceErrors.WithExceptionSuffix(code)}",
                ServiceErrors.JavaV1Cause(e.Message, "AWSStepFunctions", 400, code, Guid.NewGuid().ToString()));
        }

        if (pattern is not (TaskPattern.Sync or TaskPattern.Sync2))
        {
            return Started(child.Arn, child.StartDate, invocation.Clock.UtcNow);
        }

        // The child holds its own clock activities; the parent sleeps so a virtual clock can run the child's timers.
        // It wakes when the child records its end, before the child lets go of its own activity: waking only after
        // Completion would leave an instant with no activity, and a virtual clock would jump to the parent task's
        // timeout then.
        using var wake = new ParentWake(invocation.Clock);
        using (child.History.Subscribe(wake.OnChildEvent))
        {
            try
            {
                await child.Completion.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                executions.Stop(child.Arn, null, null);
                throw;
            }
        }

        return Finished(new JsonObject
        {
            ["ExecutionArn"] = child.Arn,
            ["Input"] = child.Input?.ToJsonString(),
            ["Name"] = child.Name,
            ["Output"] = child.Output?.ToJsonString(),
            ["StartDate"] = Payloads.EpochMillis(child.StartDate),
            ["StateMachineArn"] = child.StateMachine.Arn,
            ["Status"] = Payloads.StatusName(child.Status),
            ["StopDate"] = child.StopDate is { } stop ? Payloads.EpochMillis(stop) : null,
            ["Error"] = child.Error,
            ["Cause"] = child.Cause,
        }, pattern);
    }

    private async Task<JsonObject> RunRemoteAsync(Uri endpoint, string arn, string input, string? name, TaskPattern pattern, TaskInvocation invocation, CancellationToken cancellationToken)
    {
        var start = new JsonObject { ["stateMachineArn"] = arn, ["input"] = input };
        if (name is not null)
        {
            start["name"] = name;
        }

        var started = await CallAsync(endpoint, "StartExecution", start, cancellationToken).ConfigureAwait(false);
        var executionArn = Payloads.Text(started["executionArn"]) ?? string.Empty;
        if (pattern is not (TaskPattern.Sync or TaskPattern.Sync2))
        {
            return Started(executionArn, EpochSeconds(started["startDate"]), invocation.Clock.UtcNow);
        }

        while (true)
        {
            var described = await CallAsync(endpoint, "DescribeExecution", new JsonObject { ["executionArn"] = executionArn }, cancellationToken).ConfigureAwait(false);
            if (Payloads.Text(described["status"]) is { } status && status != "RUNNING" && status != "PENDING_REDRIVE")
            {
                return Finished(new JsonObject
                {
                    ["ExecutionArn"] = executionArn,
                    ["Input"] = Payloads.Text(described["input"]),
                    ["Name"] = Payloads.Text(described["name"]),
                    ["Output"] = Payloads.Text(described["output"]),
                    ["StartDate"] = Payloads.EpochMillis(EpochSeconds(described["startDate"])),
                    ["StateMachineArn"] = Payloads.Text(described["stateMachineArn"]),
                    ["Status"] = status,
                    ["StopDate"] = described["stopDate"] is { } stop ? Payloads.EpochMillis(EpochSeconds(stop)) : null,
                    ["Error"] = Payloads.Text(described["error"]),
                    ["Cause"] = Payloads.Text(described["cause"]),
                }, pattern);
            }

            await invocation.Clock.DelayAsync(http.Options.SyncPollInterval, TimerKind.Wait, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<JsonObject> CallAsync(Uri endpoint, string operation, JsonObject body, CancellationToken cancellationToken)
    {
        var request = AwsHttp.JsonRequest(endpoint, $"AWSStepFunctions.{operation}", "application/x-amz-json-1.0", body.ToJsonString());
        var response = await http.CallAsync(request, "states", Service, r => ServiceErrors.JavaV1(Service, "AWSStepFunctions", r), cancellationToken).ConfigureAwait(false);
        return response.Json() as JsonObject ?? [];
    }

    private static JsonObject Started(string executionArn, DateTimeOffset startDate, DateTimeOffset now)
    {
        var requestId = Guid.NewGuid().ToString();
        var output = new JsonObject { ["ExecutionArn"] = executionArn, ["StartDate"] = Payloads.EpochMillis(startDate) };
        Payloads.AddSdkMetadata(output, 200, Payloads.LocalHeaders(requestId, "application/x-amz-json-1.0", 140, now), requestId);
        return output;
    }

    // DescribeExecution's shape: Output (or Error/Cause) only as the status allows; .sync:2 parses Input and Output.
    private static JsonObject Finished(JsonObject raw, TaskPattern pattern)
    {
        var succeeded = Payloads.Text(raw["Status"]) == "SUCCEEDED";
        JsonNode? Document(string field) => pattern == TaskPattern.Sync2 && Payloads.Text(raw[field]) is { } text ? JsonNode.Parse(text) : raw[field]?.DeepClone();
        var description = new JsonObject
        {
            ["ExecutionArn"] = raw["ExecutionArn"]?.DeepClone(),
            ["Input"] = Document("Input"),
            ["InputDetails"] = new JsonObject { ["Included"] = true },
            ["Name"] = raw["Name"]?.DeepClone(),
        };
        if (succeeded)
        {
            description["Output"] = Document("Output");
            description["OutputDetails"] = new JsonObject { ["Included"] = true };
        }
        else
        {
            description["Error"] = raw["Error"]?.DeepClone();
            description["Cause"] = raw["Cause"]?.DeepClone();
        }

        description["StartDate"] = raw["StartDate"]?.DeepClone();
        description["StateMachineArn"] = raw["StateMachineArn"]?.DeepClone();
        description["Status"] = raw["Status"]?.DeepClone();
        description["StopDate"] = raw["StopDate"]?.DeepClone();
        return succeeded ? description : throw new StatesErrorException(ErrorNames.TaskFailed, description.ToJsonString());
    }


    private static DateTimeOffset EpochSeconds(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<double>(out var seconds)
            ? DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(seconds * 1000, MidpointRounding.AwayFromZero))
            : DateTimeOffset.Parse(Payloads.Text(node) ?? "1970-01-01T00:00:00Z", CultureInfo.InvariantCulture);
}
