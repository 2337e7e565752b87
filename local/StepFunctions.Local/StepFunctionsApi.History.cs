using System.Buffers;
using System.Text.Json;
using Asl;

namespace StepFunctions.Local;

/// <content>GetExecutionHistory, with paging in either order and without execution data on request.</content>
public sealed partial class StepFunctionsApi
{
    private static readonly HashSet<string> ExecutionDataMembers = new(StringComparer.Ordinal) { "input", "inputDetails", "output", "outputDetails" };

    private void GetExecutionHistory(ApiRequest request, Utf8JsonWriter writer)
    {
        var arn = request.String("executionArn", 1, 256, required: true);
        var pageSize = Paging.PageSize(request.Integer("maxResults", 0, 1000));
        var reverse = request.Boolean("reverseOrder") ?? false;
        var token = request.String("nextToken", 1, 1024);
        var includeData = request.Boolean("includeExecutionData") ?? true;
        request.ThrowIfInvalid();
        var execution = FindExecution(arn!);
        var events = execution.History.Snapshot();

        // Positions are event indexes, so a page boundary stays put while the history keeps growing.
        var scope = (reverse ? "history-reverse:" : "history:") + execution.Arn;
        var position = Paging.Position(token, scope, reverse ? events.Count - 1 : 0);
        writer.WriteStartArray("events");
        var written = 0;
        var index = position;
        for (; written < pageSize && index >= 0 && index < events.Count; written++, index += reverse ? -1 : 1)
        {
            WriteEvent(writer, events[(int)index], includeData);
        }

        writer.WriteEndArray();
        if (index >= 0 && index < events.Count)
        {
            writer.WriteString("nextToken", Paging.Token(scope, index));
        }
    }

    private static void WriteEvent(Utf8JsonWriter writer, HistoryEvent recorded, bool includeData)
    {
        if (includeData || recorded.Details is null)
        {
            recorded.WriteTo(writer);
            return;
        }

        var buffer = new ArrayBufferWriter<byte>(256);
        using (var scratch = new Utf8JsonWriter(buffer))
        {
            recorded.WriteTo(scratch);
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        writer.WriteStartObject();
        foreach (var member in document.RootElement.EnumerateObject())
        {
            if (member.Name != recorded.DetailsName)
            {
                member.WriteTo(writer);
                continue;
            }

            writer.WriteStartObject(member.Name);
            foreach (var detail in member.Value.EnumerateObject().Where(d => !ExecutionDataMembers.Contains(d.Name)))
            {
                detail.WriteTo(writer);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }
}
