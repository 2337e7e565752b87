using System.Text.Json.Nodes;

namespace Template;

/// <summary>An <c>AWS::DynamoDB::Table</c> or <c>AWS::Serverless::SimpleTable</c> (whose PrimaryKey becomes one HASH key).</summary>
public sealed record TableResource(string LogicalId, string TableName, string Arn)
{
    public IReadOnlyList<KeySchemaElement> KeySchema { get; init; } = [];

    public IReadOnlyList<AttributeDefinition> AttributeDefinitions { get; init; } = [];

    /// <summary><c>GlobalSecondaryIndexes</c> as written (the shape CreateTable takes).</summary>
    public JsonArray? GlobalSecondaryIndexes { get; init; }

    public string BillingMode { get; init; } = "PROVISIONED";

    /// <summary>The TTL attribute when <c>TimeToLiveSpecification.Enabled</c> is true.</summary>
    public string? TimeToLiveAttribute { get; init; }
}
