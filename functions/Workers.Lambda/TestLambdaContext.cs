namespace Workers.Lambda;

/// <summary>
/// A settable context for unit tests, as in Amazon.Lambda.TestUtilities: every member defaults to null, 0 or
/// TimeSpan.Zero except <see cref="Logger"/>, a capturing <see cref="TestLambdaLogger"/>. Note that a zero
/// <see cref="RemainingTime"/> makes Powertools-style in-progress idempotency records expire at once.
/// </summary>
public sealed class TestLambdaContext : ILambdaContext
{
    /// <inheritdoc/>
    public string AwsRequestId { get; set; } = null!;

    /// <inheritdoc/>
    public string? ClientContext { get; set; }

    /// <inheritdoc/>
    public string FunctionName { get; set; } = null!;

    /// <inheritdoc/>
    public string FunctionVersion { get; set; } = null!;

    /// <inheritdoc/>
    public string? Identity { get; set; }

    /// <inheritdoc/>
    public string InvokedFunctionArn { get; set; } = null!;

    /// <inheritdoc/>
    public ILambdaLogger Logger { get; set; } = new TestLambdaLogger();

    /// <inheritdoc/>
    public string LogGroupName { get; set; } = null!;

    /// <inheritdoc/>
    public string LogStreamName { get; set; } = null!;

    /// <inheritdoc/>
    public int MemoryLimitInMB { get; set; }

    /// <inheritdoc/>
    public TimeSpan RemainingTime { get; set; }

    /// <inheritdoc/>
    public string? TraceId { get; set; }

    /// <inheritdoc/>
    public string? TenantId { get; set; }
}
