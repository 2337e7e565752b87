using System.Text.Json;
using Asl;

namespace StepFunctions.Local;

/// <content>StartExecution, StartSyncExecution, StopExecution, DescribeExecution, DescribeStateMachineForExecution, ListExecutions, RedriveExecution.</content>
public sealed partial class StepFunctionsApi
{
    private const string TypeNotSupported = "This operation is not supported by this type of state machine";
    private static readonly string[] StatusFilters = ["SUCCEEDED", "TIMED_OUT", "PENDING_REDRIVE", "ABORTED", "FAILED", "RUNNING"];
    private static readonly string[] RedriveFilters = ["REDRIVEN", "NOT_REDRIVEN"];
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (string Token, DateTimeOffset Date)> _redriveTokens = new(StringComparer.Ordinal);

    private void StartExecution(ApiRequest request, Utf8JsonWriter writer)
    {
        var execution = Start(request, expressOnly: false);
        writer.WriteString("executionArn", execution.Arn);
        writer.WriteDate("startDate", execution.StartDate);
    }

    private async ValueTask StartSyncExecutionAsync(ApiRequest request, Utf8JsonWriter writer, CancellationToken cancellationToken)
    {
        var execution = Start(request, expressOnly: true);
        await execution.Completion.WaitAsync(cancellationToken).ConfigureAwait(false);
        var stopDate = execution.StopDate ?? Engine.Clock.UtcNow;
        writer.WriteString("executionArn", execution.Arn);
        writer.WriteString("stateMachineArn", execution.StateMachine.Arn);
        writer.WriteString("name", execution.Name);
        writer.WriteDate("startDate", execution.StartDate);
        writer.WriteDate("stopDate", stopDate);
        writer.WriteString("status", Wire.Status(execution.Status));
        WriteData(writer, "input", execution.Input);
        if (execution.Status == ExecutionStatus.Succeeded)
        {
            WriteData(writer, "output", execution.Output);
        }

        writer.WriteOptional("error", execution.Error);
        writer.WriteOptional("cause", execution.Cause);
        writer.WriteStartObject("billingDetails");
        writer.WriteNumber("billedMemoryUsedInMB", 64);
        writer.WriteNumber("billedDurationInMilliseconds", Math.Max(100, (long)Math.Ceiling((stopDate - execution.StartDate).TotalMilliseconds)));
        writer.WriteEndObject();
    }

    private void StopExecution(ApiRequest request, Utf8JsonWriter writer)
    {
        var arn = request.String("executionArn", 1, 256, required: true);
        var error = request.String("error", 0, 256);
        var cause = request.String("cause", 0, 32768);
        request.ThrowIfInvalid();
        var execution = FindExecution(arn!);
        Engine.StopExecution(execution.Arn, error, cause);
        writer.WriteDate("stopDate", execution.StopDate ?? Engine.Clock.UtcNow);
    }

    private void DescribeExecution(ApiRequest request, Utf8JsonWriter writer)
    {
        var execution = FindExecution(RequiredExecutionArn(request));

        // StopDate is the last field an ending execution sets, so once it is seen the status, output and error are final.
        var stopDate = execution.StopDate;
        var status = stopDate is null ? ExecutionStatus.Running : execution.Status;
        writer.WriteString("executionArn", execution.Arn);
        writer.WriteString("stateMachineArn", execution.StateMachine.Arn);
        writer.WriteString("name", execution.Name);
        writer.WriteString("status", Wire.Status(status));
        writer.WriteDate("startDate", execution.StartDate);
        if (stopDate is { } stopped)
        {
            writer.WriteDate("stopDate", stopped);
        }

        WriteData(writer, "input", execution.Input);
        if (status == ExecutionStatus.Succeeded)
        {
            WriteData(writer, "output", execution.Output);
        }

        if (status is not ExecutionStatus.Running and not ExecutionStatus.Succeeded)
        {
            writer.WriteOptional("error", execution.Error);
            writer.WriteOptional("cause", execution.Cause);
        }

        writer.WriteOptional("mapRunArn", execution.MapRunArn);
        SourceOf(execution)?.WriteTo(writer);
        WriteRedrive(writer, execution, stopDate);
    }

    private void DescribeStateMachineForExecution(ApiRequest request, Utf8JsonWriter writer)
    {
        var execution = FindExecution(RequiredExecutionArn(request));
        var compiled = execution.StateMachine;
        _revisions.TryGetValue(compiled, out var revision);
        _stateMachines.TryGetValue(compiled.Arn, out var entry);
        writer.WriteString("stateMachineArn", compiled.Arn);
        writer.WriteString("name", compiled.Name);
        writer.WriteString("definition", compiled.Definition);
        writer.WriteString("roleArn", compiled.RoleArn);
        writer.WriteDate("updateDate", revision?.UpdateDate ?? entry?.CreationDate ?? execution.StartDate);
        writer.WriteRaw("loggingConfiguration", revision?.LoggingConfiguration ?? DefaultLogging);
        writer.WriteRaw("tracingConfiguration", revision?.TracingConfiguration ?? DefaultTracing);
        writer.WriteOptional("revisionId", revision?.RevisionId);
        writer.WriteOptional("mapRunArn", execution.MapRunArn);
    }

    private void ListExecutions(ApiRequest request, Utf8JsonWriter writer)
    {
        var machineArn = request.String("stateMachineArn", 1, 256);
        var mapRunArn = request.String("mapRunArn", 1, 2000);
        var statusFilter = request.Enum("statusFilter", StatusFilters);
        var pageSize = Paging.PageSize(request.Integer("maxResults", 0, 1000));
        var token = request.String("nextToken", 1, 3096);
        var redriveFilter = request.Enum("redriveFilter", RedriveFilters);
        request.ThrowIfInvalid();
        if ((machineArn is null) == (mapRunArn is null))
        {
            throw new ApiException("ValidationException", "Must provide a StateMachine ARN or MapRun ARN");
        }

        IEnumerable<Execution> executions;
        if (machineArn is not null)
        {
            Arns.RequireStateMachine(machineArn);
            var entry = ResolveStart(machineArn).Entry;
            if (entry.Type == StateMachineType.Express)
            {
                throw new ApiException("StateMachineTypeNotSupported", TypeNotSupported);
            }

            executions = entry.ExecutionsNewestFirst().Where(e => StartedThrough(e, machineArn));
        }
        else
        {
            Arns.RequireMapRun(mapRunArn!);
            _ = Engine.FindMapRun(mapRunArn!) ?? throw MapRunMissing(mapRunArn!);
            executions = Engine.ListExecutions(mapRunArn!);
        }

        var matching = executions
            .Where(e => statusFilter is null || Wire.Status(e.StopDate is null ? ExecutionStatus.Running : e.Status) == statusFilter)
            .Where(e => redriveFilter is null || (e.RedriveCount > 0) == (redriveFilter == "REDRIVEN"))
            .ToList();
        var scope = "executions:" + (machineArn ?? mapRunArn);
        Paging.WritePage(writer, "executions", matching, token, scope, pageSize, (item, execution) =>
        {
            var stopDate = execution.StopDate;
            item.WriteString("executionArn", execution.Arn);
            item.WriteString("stateMachineArn", execution.StateMachine.Arn);
            item.WriteString("name", execution.Name);
            item.WriteString("status", Wire.Status(stopDate is null ? ExecutionStatus.Running : execution.Status));
            item.WriteDate("startDate", execution.StartDate);
            if (stopDate is { } stopped)
            {
                item.WriteDate("stopDate", stopped);
            }

            item.WriteOptional("mapRunArn", execution.MapRunArn);
            SourceOf(execution)?.WriteTo(item);
            item.WriteNumber("redriveCount", execution.RedriveCount);
            if (execution.RedriveDate is { } redriven)
            {
                item.WriteDate("redriveDate", redriven);
            }
        });
    }

    private async ValueTask RedriveExecutionAsync(ApiRequest request, Utf8JsonWriter writer, CancellationToken cancellationToken)
    {
        var arn = request.String("executionArn", 1, 256, required: true);
        var clientToken = request.String("clientToken", 1, 64);
        request.ThrowIfInvalid();
        var execution = FindExecution(arn!);

        // The same clientToken again answers the redrive it already made rather than failing on a RUNNING execution.
        if (clientToken is not null && _redriveTokens.TryGetValue(execution.Arn, out var last) && last.Token == clientToken)
        {
            writer.WriteDate("redriveDate", last.Date);
            return;
        }

        await Engine.RedriveExecutionAsync(execution.Arn, cancellationToken).ConfigureAwait(false);
        var date = execution.RedriveDate ?? Engine.Clock.UtcNow;
        if (clientToken is not null)
        {
            _redriveTokens[execution.Arn] = (clientToken, date);
        }

        writer.WriteDate("redriveDate", date);
    }

    /// <summary>DescribeExecution's redrive members: count, last date, and whether (or why not) it can be redriven now.</summary>
    private void WriteRedrive(Utf8JsonWriter writer, Execution execution, DateTimeOffset? stopDate)
    {
        writer.WriteNumber("redriveCount", execution.RedriveCount);
        if (execution.RedriveDate is { } redriven)
        {
            writer.WriteDate("redriveDate", redriven);
        }

        var refusal = stopDate is null ? "Execution is RUNNING and cannot be redriven." : Engine.RedriveRefusal(execution);
        writer.WriteString("redriveStatus", refusal is null ? "REDRIVABLE" : "NOT_REDRIVABLE");
        writer.WriteOptional("redriveStatusReason", refusal);
    }

    private Execution Start(ApiRequest request, bool expressOnly)
    {
        var arnWithCase = request.String("stateMachineArn", 1, 256, required: true);
        var name = request.Name("name", required: false);
        var input = request.String("input");
        request.String("traceHeader", 0, 256);
        request.ThrowIfInvalid();
        var (arn, testCase) = AslEngine.SplitTestCase(arnWithCase!);
        Arns.RequireStateMachine(arn);
        var (entry, revision, source) = ResolveStart(arn);
        if (expressOnly && entry.Type != StateMachineType.Express)
        {
            throw new ApiException("StateMachineTypeNotSupported", TypeNotSupported);
        }

        if (testCase is not null && !_mocksLoaded)
        {
            throw new ApiException(
                "ValidationException",
                $"The ARN selects the test case '{testCase}', but no mock configuration is loaded: set SFN_MOCK_CONFIG or put MockConfigFile.json in the working directory.");
        }

        Execution execution;
        _startingThrough.Value = source;
        try
        {
            execution = Engine.StartExecution(revision.Compiled, input, name, testCase);
        }
        finally
        {
            _startingThrough.Value = null;
        }

        entry.Started(execution);
        RecordSource(execution, source);
        return execution;
    }

    private Execution FindExecution(string arn)
    {
        Arns.RequireExecution(arn);
        return Engine.FindExecution(arn) ?? throw new ApiException("ExecutionDoesNotExist", $"Execution Does Not Exist: '{arn}'");
    }

    private static string RequiredExecutionArn(ApiRequest request)
    {
        var arn = request.String("executionArn", 1, 256, required: true);
        request.ThrowIfInvalid();
        return arn!;
    }

    private static ApiException MapRunMissing(string arn) => new("ResourceNotFound", $"Resource not found: '{arn}'");

    /// <summary>Writes <c>"input": "&lt;json&gt;", "inputDetails": {"included": true}</c>.</summary>
    private static void WriteData(Utf8JsonWriter writer, string name, System.Text.Json.Nodes.JsonNode? value)
    {
        writer.WriteString(name, HistoryEventDetails.Encode(value));
        writer.WriteStartObject(name + "Details");
        writer.WriteBoolean("included", true);
        writer.WriteEndObject();
    }
}
