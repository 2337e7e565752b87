using System.Text.Json;
using System.Text.Json.Nodes;

namespace Asl;

/// <summary>Details of LambdaFunctionScheduled (legacy <c>arn:aws:lambda:...:function:X</c> resources).</summary>
public sealed record LambdaFunctionScheduledDetails(string Resource, JsonNode? Input, long? TimeoutInSeconds) : HistoryEventDetails
{
    /// <inheritdoc/>
    public override void WriteFields(Utf8JsonWriter writer)
    {
        writer.WriteString("resource", Resource);
        WriteData(writer, "input", Input);
        if (TimeoutInSeconds is { } timeout)
        {
            writer.WriteNumber("timeoutInSeconds", timeout);
        }
    }
}
