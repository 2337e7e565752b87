namespace Workers.Tests;

/// <summary>
/// Runtime tests run one at a time: the runtime sets the process-wide <c>_X_AMZN_TRACE_ID</c> per invocation,
/// as the AWS runtime does, and tests read it back.
/// </summary>
[CollectionDefinition(Name)]
public sealed class LambdaRuntimeCollection
{
    public const string Name = "Lambda runtime";
}
