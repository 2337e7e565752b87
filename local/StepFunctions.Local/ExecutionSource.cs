using System.Text.Json;

namespace StepFunctions.Local;

/// <summary>The version, and the alias if any, an execution was started through (DescribeExecution reports both).</summary>
internal sealed record ExecutionSource(string VersionArn, string? AliasArn)
{
    /// <summary>Writes stateMachineVersionArn and stateMachineAliasArn, as DescribeExecution and the durable log name them.</summary>
    public void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteString("stateMachineVersionArn", VersionArn);
        writer.WriteOptional("stateMachineAliasArn", AliasArn);
    }

    /// <summary>The source <see cref="WriteTo"/> wrote into <paramref name="element"/>, or null when it holds none.</summary>
    public static ExecutionSource? Read(JsonElement element) =>
        element.TryGetProperty("stateMachineVersionArn", out var version)
            ? new ExecutionSource(version.GetString()!, element.TryGetProperty("stateMachineAliasArn", out var alias) ? alias.GetString() : null)
            : null;
}
