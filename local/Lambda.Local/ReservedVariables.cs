namespace Lambda.Local;

/// <summary>The environment variables Lambda owns, which a function's configuration may not set.</summary>
internal static class ReservedVariables
{
    // https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html#configuration-envvars-runtime
    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal)
    {
        "_HANDLER", "_X_AMZN_TRACE_ID", "AWS_DEFAULT_REGION", "AWS_REGION", "AWS_EXECUTION_ENV",
        "AWS_LAMBDA_FUNCTION_NAME", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "AWS_LAMBDA_FUNCTION_VERSION",
        "AWS_LAMBDA_INITIALIZATION_TYPE", "AWS_LAMBDA_LOG_GROUP_NAME", "AWS_LAMBDA_LOG_STREAM_NAME",
        "AWS_ACCESS_KEY", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN",
        "AWS_LAMBDA_RUNTIME_API", "LAMBDA_TASK_ROOT", "LAMBDA_RUNTIME_DIR",
    };

    /// <summary>The reserved names among <paramref name="names"/>, in order.</summary>
    public static IReadOnlyList<string> Find(IEnumerable<string> names) => [.. names.Where(Reserved.Contains)];

    /// <summary>A variable of the host's own AWS setup (keys, profile, endpoints, trace) that a function must not inherit.</summary>
    public static bool IsHostAwsVariable(string name) =>
        name.StartsWith("AWS_", StringComparison.Ordinal) || name.StartsWith("_X_AMZN", StringComparison.Ordinal) || Reserved.Contains(name);
}
