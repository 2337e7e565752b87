namespace Workers.Lambda;

/// <summary>
/// What a handler knows about the invocation it serves; the same members as Amazon.Lambda.Core's ILambdaContext,
/// filled from the Runtime API's response headers and the function's environment.
/// </summary>
public interface ILambdaContext
{
    /// <summary>The request id (<c>Lambda-Runtime-Aws-Request-Id</c>).</summary>
    string AwsRequestId { get; }

    /// <summary>Client context of a mobile SDK caller (<c>Lambda-Runtime-Client-Context</c>), or null.</summary>
    string? ClientContext { get; }

    /// <summary>The function name (<c>AWS_LAMBDA_FUNCTION_NAME</c>).</summary>
    string FunctionName { get; }

    /// <summary>The function version (<c>AWS_LAMBDA_FUNCTION_VERSION</c>).</summary>
    string FunctionVersion { get; }

    /// <summary>Cognito identity of the caller (<c>Lambda-Runtime-Cognito-Identity</c>), or null.</summary>
    string? Identity { get; }

    /// <summary>The ARN used to invoke the function (<c>Lambda-Runtime-Invoked-Function-Arn</c>).</summary>
    string InvokedFunctionArn { get; }

    /// <summary>The logger that writes to the function's log stream.</summary>
    ILambdaLogger Logger { get; }

    /// <summary>CloudWatch log group (<c>AWS_LAMBDA_LOG_GROUP_NAME</c>).</summary>
    string LogGroupName { get; }

    /// <summary>CloudWatch log stream (<c>AWS_LAMBDA_LOG_STREAM_NAME</c>).</summary>
    string LogStreamName { get; }

    /// <summary>Configured memory (<c>AWS_LAMBDA_FUNCTION_MEMORY_SIZE</c>).</summary>
    int MemoryLimitInMB { get; }

    /// <summary>Time left before the deadline (<c>Lambda-Runtime-Deadline-Ms</c>).</summary>
    TimeSpan RemainingTime { get; }

    /// <summary>The X-Ray trace header (<c>Lambda-Runtime-Trace-Id</c>), or null.</summary>
    string? TraceId { get; }

    /// <summary>The tenant of a tenant-isolated function (<c>Lambda-Runtime-Aws-Tenant-Id</c>), or null.</summary>
    string? TenantId => null;
}
