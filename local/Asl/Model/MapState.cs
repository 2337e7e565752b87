using System.Text.Json.Nodes;

namespace Asl;

/// <summary>
/// Map: inline (iterations in this execution's history) or distributed (a Map Run of child executions, with
/// ItemReader, ItemBatcher, ResultWriter and tolerated failures).
/// </summary>
internal sealed class MapState(string name, StateDataFlow flow, Retrier[] retry, Catcher[] catchers) : ExecutionState(name, flow, retry, catchers)
{
    private StateMachine? _childMachine;

    public required StatesBlock Processor { get; init; }

    public required string ProcessorDefinition { get; init; }

    public required FieldValue Items { get; init; }

    public ItemSelector? ItemSelector { get; init; }

    public FieldValue? MaxConcurrency { get; init; }

    public DistributedMapSettings? Distributed { get; init; }

    public override HistoryEventType EnteredType => HistoryEventType.MapStateEntered;

    protected override HistoryEventType ExitedType => HistoryEventType.MapStateExited;

    protected override HistoryEventType AbortedType => HistoryEventType.MapStateAborted;

    protected override async ValueTask<StateOutcome> AttemptAsync(StateVisit visit, JsonNode? rawInput)
    {
        var frame = visit.Frame;
        var effective = Flow.SelectInput(visit, rawInput);
        var maxConcurrency = (int)ReadCount(visit, MaxConcurrency, effective, "MaxConcurrency");
        var items = Distributed?.ReaderResource is not null ? await ReadItemsAsync(visit, effective).ConfigureAwait(false) : SelectItems(visit, effective);
        frame.Append(HistoryEventType.MapStateStarted, new MapStateStartedDetails(items.Count));
        var result = Distributed is null
            ? await RunInlineAsync(visit, effective, items, maxConcurrency).ConfigureAwait(false)
            : await RunDistributedAsync(visit, effective, items, maxConcurrency).ConfigureAwait(false);
        return Flow.Complete(visit, rawInput, result);
    }

    private async ValueTask<JsonNode?> RunInlineAsync(StateVisit visit, JsonNode? effective, IReadOnlyList<JsonNode?> items, int maxConcurrency)
    {
        var frame = visit.Frame;
        var run = frame.Run;
        var results = new JsonNode?[items.Count];
        var chain = new ChildChain(frame.LastEventId);
        var group = new ChildGroup(frame.Clock, items.Count, maxConcurrency, frame.Token, async (index, token) =>
        {
            var input = SelectItem(visit, effective, index, items[index]);
            var details = new MapIterationDetails(Name, index);
            var started = run.Record(HistoryEventType.MapIterationStarted, chain.Last, details);
            var iteration = new Frame(run, new VariableScope(frame.Scope), token, started.Id) { StartsAtParentMoment = true };
            try
            {
                results[index] = await iteration.RunAsync(Processor, input).ConfigureAwait(false);
            }
            catch (StatesErrorException)
            {
                run.Record(HistoryEventType.MapIterationFailed, iteration.LastEventId, details, sameMoment: true);
                chain.Failed(iteration.LastEventId);
                throw;
            }
            catch (OperationCanceledException)
            {
                run.Record(HistoryEventType.MapIterationAborted, iteration.LastEventId, details);
                throw;
            }

            run.Record(HistoryEventType.MapIterationSucceeded, iteration.LastEventId, details, sameMoment: true);
            chain.Finished(iteration.LastEventId);
        });
        await chain.JoinAsync(frame, group, HistoryEventType.MapStateFailed, HistoryEventType.MapStateSucceeded).ConfigureAwait(false);
        return JsonMaterializer.ToArray(results);
    }

    private async ValueTask<JsonNode?> RunDistributedAsync(StateVisit visit, JsonNode? effective, IReadOnlyList<JsonNode?> items, int maxConcurrency)
    {
        var settings = Distributed!;
        var frame = visit.Frame;
        var run = frame.Run;
        var engine = run.Engine;
        var toleratedCount = ReadCount(visit, settings.ToleratedFailureCount, effective, "ToleratedFailureCount");
        var toleratedPercentage = ReadPercentage(visit, settings.ToleratedFailurePercentage, effective);
        var inputs = BuildChildInputs(visit, effective, items);
        var label = settings.Label ?? Name;
        var mapRunId = Guid.NewGuid().ToString();
        var region = engine.Options.Region;
        var account = engine.Options.AccountId;
        var mapRun = new MapRun(
            $"arn:aws:states:{region}:{account}:mapRun:{run.StateMachine.Name}/{label}:{mapRunId}",
            run.Arn,
            $"arn:aws:states:{region}:{account}:execution:{run.StateMachine.Name}/{label}",
            frame.Clock.UtcNow,
            inputs.Count,
            maxConcurrency,
            toleratedCount,
            toleratedPercentage);
        engine.Register(mapRun);
        frame.Append(HistoryEventType.MapRunStarted, new MapRunStartedDetails(mapRun.Arn));
        _childMachine ??= new StateMachine(
            $"{run.StateMachine.Name}/{label}",
            $"{run.StateMachine.Arn}/{label}",
            settings.ExecutionType,
            ProcessorDefinition,
            run.StateMachine.RoleArn,
            Processor,
            null);
        var children = new Execution?[inputs.Count];
        var failures = 0;
        var gate = new Lock();
        ChildGroup? group = null;
        group = new ChildGroup(frame.Clock, inputs.Count, maxConcurrency, frame.Token, async (index, token) =>
        {
            var child = engine.Start(_childMachine, null, Guid.NewGuid().ToString(), run.TestCase, mapRun, inputs[index]);
            children[index] = child;
            mapRun.ChildStarted();
            await using var stop = token.Register(() => child.Close(ExecutionStatus.Aborted, null, null, null, 0));
            frame.Clock.EndActivity();
            await child.Completion.ConfigureAwait(false);
            mapRun.ChildEnded(child.Status);
            if (child.Status == ExecutionStatus.Succeeded)
            {
                return;
            }

            int failed;
            lock (gate)
            {
                failed = ++failures;
            }

            var countExceeded = settings.ToleratedFailureCount is not null && failed > toleratedCount;
            var percentageExceeded = settings.ToleratedFailurePercentage is not null && failed * 100.0 / inputs.Count > toleratedPercentage;
            var noTolerance = settings.ToleratedFailureCount is null && settings.ToleratedFailurePercentage is null;
            if (countExceeded || percentageExceeded || noTolerance)
            {
                group!.Fail(new StatesErrorException(ErrorNames.ExceedToleratedFailureThreshold, "The specified tolerated failure threshold was exceeded"));
            }
        });
        try
        {
            await group.RunAsync().ConfigureAwait(false);
        }
        catch (StatesErrorException e)
        {
            mapRun.Close("FAILED", frame.Clock.UtcNow);
            frame.Append(HistoryEventType.MapRunFailed, new ErrorDetails(e.Error, e.Cause));
            frame.Append(HistoryEventType.MapStateFailed, null);
            throw;
        }
        catch (OperationCanceledException)
        {
            mapRun.Close("ABORTED", frame.Clock.UtcNow);
            frame.Append(HistoryEventType.MapRunAborted, null);
            throw;
        }

        var outcomes = children.Select(c => new MapRunChildResult(c!.Arn, c.Name, c.Status, c.Input, c.Output, c.Error, c.Cause, c.StartDate, c.StopDate)).ToList();
        JsonNode? result;
        if (settings.WriterResource is not null)
        {
            var arguments = settings.WriterArguments?.Evaluate(visit, effective);
            JsonNode? details;
            try
            {
                details = await engine.Options.ResultWriter.WriteAsync(new ResultWriterRequest(settings.WriterResource, arguments, mapRun.Arn, outcomes), frame.Token).ConfigureAwait(false);
            }
            catch (StatesErrorException e)
            {
                mapRun.Close("FAILED", frame.Clock.UtcNow);
                frame.Append(HistoryEventType.MapRunFailed, new ErrorDetails(e.Error, e.Cause));
                frame.Append(HistoryEventType.MapStateFailed, null);
                throw;
            }

            mapRun.ResultsWritten = outcomes.Count;
            result = new JsonObject { ["MapRunArn"] = mapRun.Arn, ["ResultWriterDetails"] = JsonMaterializer.Detached(details) };
        }
        else
        {
            result = JsonMaterializer.ToArray(outcomes.Select(o => o.Status == ExecutionStatus.Succeeded
                ? o.Output
                : new JsonObject { ["Error"] = o.Error, ["Cause"] = o.Cause }));
        }

        mapRun.Close("SUCCEEDED", frame.Clock.UtcNow);
        frame.Append(HistoryEventType.MapRunSucceeded, null);
        frame.AppendDetached(HistoryEventType.MapStateSucceeded, null);
        return result;
    }

    private List<JsonNode?> BuildChildInputs(in StateVisit visit, JsonNode? effective, IReadOnlyList<JsonNode?> items)
    {
        var selected = new List<JsonNode?>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            selected.Add(SelectItem(visit, effective, i, items[i]));
        }

        var settings = Distributed!;
        if (!settings.HasBatcher)
        {
            return selected;
        }

        var maxItems = settings.MaxItemsPerBatch is null ? long.MaxValue : ReadCount(visit, settings.MaxItemsPerBatch, effective, "MaxItemsPerBatch");
        var maxBytes = settings.MaxInputBytesPerBatch is null ? long.MaxValue : ReadCount(visit, settings.MaxInputBytesPerBatch, effective, "MaxInputBytesPerBatch");
        var batchInput = settings.BatchInput?.Evaluate(visit, effective);
        var batches = new List<JsonNode?>();
        var current = new JsonArray();
        long bytes = 0;
        foreach (var item in selected)
        {
            var size = JsonLimits.Measure(item);
            if (current.Count > 0 && (current.Count >= maxItems || bytes + size > maxBytes))
            {
                batches.Add(Batch(current, batchInput));
                current = [];
                bytes = 0;
            }

            current.Add(JsonMaterializer.Detached(item));
            bytes += size;
        }

        if (current.Count > 0)
        {
            batches.Add(Batch(current, batchInput));
        }

        return batches;
    }

    private static JsonObject Batch(JsonArray items, JsonNode? batchInput)
    {
        var batch = new JsonObject { ["Items"] = items };
        if (batchInput is not null)
        {
            batch["BatchInput"] = batchInput.DeepClone();
        }

        return batch;
    }

    private JsonNode? SelectItem(in StateVisit visit, JsonNode? effective, int index, JsonNode? item) =>
        ItemSelector is null
            ? item
            : ItemSelector.Evaluate(visit with { HasMapItem = true, MapItemIndex = index, MapItemValue = item }, effective);

    private IReadOnlyList<JsonNode?> SelectItems(in StateVisit visit, JsonNode? effective)
    {
        if (!Items.TryEvaluate(visit, effective, out var value))
        {
            throw visit.RuntimeFailure($"Invalid path '{Items.Describe}' : No results for path: {Items.Describe}");
        }

        return value is JsonArray array
            ? [.. array]
            : throw StatesErrorException.Terminal(ErrorNames.Runtime, $"Map state input must be an array but was: {HistoryEventDetails.Encode(value)}");
    }

    private async ValueTask<IReadOnlyList<JsonNode?>> ReadItemsAsync(StateVisit visit, JsonNode? effective)
    {
        var settings = Distributed!;
        var arguments = settings.ReaderArguments?.Evaluate(visit, effective);
        var request = new ItemReaderRequest(settings.ReaderResource!, settings.ReaderConfig, arguments, visit.Frame.Run.Arn);
        var items = await visit.Frame.Run.Engine.Options.ItemReader.ReadItemsAsync(request, visit.Frame.Token).ConfigureAwait(false);
        return [.. items.Select(i => JsonMaterializer.Materialize(JsonMaterializer.Detached(i)))];
    }

    private static long ReadCount(in StateVisit visit, FieldValue? field, JsonNode? input, string name)
    {
        if (field is null)
        {
            return 0;
        }

        if (!field.TryEvaluate(visit, input, out var value) || !JsonNumbers.TryGetInteger(value, out var count))
        {
            throw visit.RuntimeFailure($"The {field.FieldName} field refers to value \"{Render(value)}\" which is not a valid integer: {field.Describe}");
        }

        if (count < 0)
        {
            throw visit.RuntimeFailure(name == "ToleratedFailureCount" ? "ToleratedFailureCount cannot be negative." : $"{name} cannot be negative.");
        }

        return count;
    }

    private static double ReadPercentage(in StateVisit visit, FieldValue? field, JsonNode? input)
    {
        if (field is null)
        {
            return 0;
        }

        if (!field.TryEvaluate(visit, input, out var value) || !JsonNumbers.TryGetDouble(value, out var percentage) || percentage < 0 || percentage > 100)
        {
            throw visit.RuntimeFailure("ToleratedFailurePercentage must be between 0 and 100.");
        }

        return percentage;
    }

    private static string Render(JsonNode? value) =>
        value is JsonValue v && v.TryGetValue<string>(out var text) ? text : value?.ToJsonString() ?? "null";
}
