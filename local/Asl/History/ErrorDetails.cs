using System.Text.Json;

namespace Asl;

/// <summary>Details carrying an error and cause: Execution{Failed,Aborted,TimedOut}, LambdaFunction{Failed,TimedOut}, MapRunFailed.</summary>
public sealed record ErrorDetails(string? Error, string? Cause) : HistoryEventDetails
{
    /// <inheritdoc/>
    public override void WriteFields(Utf8JsonWriter writer)
    {
        WriteOptional(writer, "error", Error);
        WriteOptional(writer, "cause", Cause);
    }
}
