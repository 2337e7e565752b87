using System.Text.Json;

namespace StepFunctions.Local;

/// <summary>
/// An alias: a name for one or two versions of a state machine with the share of executions each gets. Updates
/// replace the record, so a reader always sees one consistent routing.
/// </summary>
internal sealed record StateMachineAlias(
    string Arn,
    string Name,
    string StateMachineArn,
    string? Description,
    IReadOnlyList<AliasRoute> Routes,
    DateTimeOffset CreationDate,
    DateTimeOffset UpdateDate)
{
    /// <summary>
    /// Writes stateMachineAliasArn, name, description and routingConfiguration as DescribeStateMachineAlias names them
    /// (the durable store too); the dates are left to the caller, which knows their format.
    /// </summary>
    public void WriteRouting(Utf8JsonWriter writer)
    {
        writer.WriteString("stateMachineAliasArn", Arn);
        writer.WriteString("name", Name);
        writer.WriteOptional("description", Description);
        writer.WriteStartArray("routingConfiguration");
        foreach (var route in Routes)
        {
            writer.WriteStartObject();
            writer.WriteString("stateMachineVersionArn", route.VersionArn);
            writer.WriteNumber("weight", route.Weight);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }
}
