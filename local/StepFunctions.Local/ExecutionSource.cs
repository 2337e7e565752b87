namespace StepFunctions.Local;

/// <summary>The version, and the alias if any, an execution was started through (DescribeExecution reports both).</summary>
internal sealed record ExecutionSource(string VersionArn, string? AliasArn);
