namespace Workers.Lambda;

/// <summary>The context of a live invocation: Runtime API headers plus the function's environment.</summary>
internal sealed class LambdaContext(RuntimeInvocation invocation, LambdaEnvironment environment, ILambdaLogger logger, TimeProvider time)
    : ILambdaContext
{
    public string AwsRequestId => invocation.RequestId;

    public string? ClientContext => invocation.ClientContext;

    public string FunctionName => environment.FunctionName;

    public string FunctionVersion => environment.FunctionVersion;

    public string? Identity => invocation.CognitoIdentity;

    public string InvokedFunctionArn => invocation.InvokedFunctionArn;

    public ILambdaLogger Logger => logger;

    public string LogGroupName => environment.LogGroupName;

    public string LogStreamName => environment.LogStreamName;

    public int MemoryLimitInMB => environment.MemoryLimitInMB;

    public TimeSpan RemainingTime =>
        invocation.Deadline is { } deadline ? deadline - time.GetUtcNow() : TimeSpan.Zero;

    public string? TraceId => invocation.TraceHeader;

    public string? TenantId => invocation.TenantId;
}
