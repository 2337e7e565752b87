using System.Text.Json;
using Asl;

namespace StepFunctions.Local;

/// <summary>How values look on the JSON 1.0 wire: epoch-second timestamps, upper-case enums.</summary>
internal static class Wire
{
    public static void WriteDate(this Utf8JsonWriter writer, string name, DateTimeOffset value) =>
        writer.WriteNumber(name, value.ToUnixTimeMilliseconds() / 1000m);

    public static string Status(ExecutionStatus status) => status switch
    {
        ExecutionStatus.Running => "RUNNING",
        ExecutionStatus.Succeeded => "SUCCEEDED",
        ExecutionStatus.Failed => "FAILED",
        ExecutionStatus.TimedOut => "TIMED_OUT",
        _ => "ABORTED",
    };

    public static string Type(StateMachineType type) => type == StateMachineType.Express ? "EXPRESS" : "STANDARD";

    public static void WriteOptional(this Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    /// <summary>Writes a JSON object kept as raw text (logging or tracing configuration).</summary>
    public static void WriteRaw(this Utf8JsonWriter writer, string name, string json)
    {
        writer.WritePropertyName(name);
        writer.WriteRawValue(json, skipInputValidation: true);
    }
}
