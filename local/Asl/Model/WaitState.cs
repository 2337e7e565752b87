using System.Text.Json.Nodes;

namespace Asl;

/// <summary>Wait: sleeps on the engine clock for Seconds(Path) or until Timestamp(Path).</summary>
internal sealed class WaitState(string name, StateDataFlow flow, FieldValue? seconds, FieldValue? timestamp) : StateNode(name, flow)
{
    private static readonly TimeSpan LongestWait = TimeSpan.FromDays(366);

    public override HistoryEventType EnteredType => HistoryEventType.WaitStateEntered;

    public override ValueTask<StateTransition> ExecuteAsync(Frame frame, JsonNode? input)
    {
        var visit = new StateVisit(frame, this, Enter(frame, input));
        var effective = Flow.SelectInput(visit, input);
        var delay = seconds is not null ? ReadSeconds(visit, seconds, effective) : UntilTimestamp(visit, timestamp!, effective);
        if (delay > LongestWait)
        {
            throw visit.RuntimeFailure("Wait state delay is too long.");
        }

        return delay <= TimeSpan.Zero
            ? new ValueTask<StateTransition>(Exit(visit, input, effective))
            : SleepAsync(visit, input, effective, delay);
    }

    private async ValueTask<StateTransition> SleepAsync(StateVisit visit, JsonNode? input, JsonNode? effective, TimeSpan delay)
    {
        try
        {
            await visit.Frame.Clock.DelayAsync(delay, TimerKind.Wait, visit.Frame.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (visit.Frame.Token.IsCancellationRequested)
        {
            visit.Frame.Append(HistoryEventType.WaitStateAborted, null);
            throw;
        }

        return Exit(visit, input, effective);
    }

    private StateTransition Exit(in StateVisit visit, JsonNode? input, JsonNode? effective)
    {
        var output = Exit(visit, HistoryEventType.WaitStateExited, Flow.Complete(visit, input, effective));
        return new StateTransition(output, Next);
    }

    private static TimeSpan ReadSeconds(in StateVisit visit, FieldValue field, JsonNode? input)
    {
        if (!field.TryEvaluate(visit, input, out var value))
        {
            throw visit.RuntimeFailure($"The {field.FieldName} parameter does not reference an input value: {field.Describe}");
        }

        if (!JsonNumbers.TryGetInteger(value, out var number))
        {
            throw visit.RuntimeFailure($"The {field.FieldName} parameter cannot be parsed as a long value: {field.Describe} == {Render(value)}");
        }

        if (number < 0)
        {
            throw visit.RuntimeFailure($"The {field.FieldName} parameter references a negative value: {field.Describe} == {number}");
        }

        return number > LongestWait.TotalSeconds ? TimeSpan.MaxValue : TimeSpan.FromSeconds(number);
    }

    private static TimeSpan UntilTimestamp(in StateVisit visit, FieldValue field, JsonNode? input)
    {
        if (!field.TryEvaluate(visit, input, out var value))
        {
            throw visit.RuntimeFailure($"The {field.FieldName} parameter does not reference an input value: {field.Describe}");
        }

        if (!JsonPathConditions.TryParseTimestamp(value, out var due))
        {
            throw visit.RuntimeFailure(
                $"The {field.FieldName} parameter does not reference a valid ISO-8601 extended offset date-time format string: {field.Describe} == {Render(value)}");
        }

        return due - visit.Frame.Clock.UtcNow;
    }

    private static string Render(JsonNode? value) =>
        value is JsonValue v && v.TryGetValue<string>(out var text) ? text : value?.ToJsonString() ?? "null";
}
