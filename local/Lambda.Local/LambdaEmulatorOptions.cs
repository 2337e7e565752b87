namespace Lambda.Local;

/// <summary>Settings shared by every function of one <see cref="LambdaEmulator"/>.</summary>
public sealed record LambdaEmulatorOptions
{
    /// <summary>The region in ARNs and in <c>AWS_REGION</c>/<c>AWS_DEFAULT_REGION</c>.</summary>
    public string Region { get; init; } = "us-east-1";

    /// <summary>The account id in ARNs; Step Functions Local uses the same one.</summary>
    public string AccountId { get; init; } = "123456789012";

    /// <summary>The loopback port of the Invoke REST API; 0 picks a free one (see <see cref="LambdaEmulator.InvokeEndpoint"/>).</summary>
    public int InvokeApiPort { get; init; }

    /// <summary>Where function output goes; the console with a <c>[FunctionName]</c> prefix by default.</summary>
    public IFunctionLogSink LogSink { get; init; } = ConsoleFunctionLogSink.Instance;

    /// <summary>
    /// Lambda's Init phase limit (10 s): a new process that has not asked for an event by then keeps initializing
    /// within the first invocation, as Lambda retries the Init phase under the function's timeout; past
    /// <c>InitTimeout + Timeout</c> it is killed and the invocation fails with <c>Sandbox.Timedout</c>.
    /// </summary>
    public TimeSpan InitTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Invocations of one function that may wait for a free process once <see cref="FunctionDefinition.MaxConcurrency"/>
    /// processes are busy; one more is refused with <c>TooManyRequestsException</c> (429). Lambda throttles only past
    /// the account's concurrency (1,000 by default), starting an execution environment for every invocation below it;
    /// locally those environments are the waiting places, so the default lets as many wait: a burst the machine cannot
    /// run at once is served late, not refused where Lambda would have run it.
    /// </summary>
    public int MaxQueuedInvocations { get; init; } = 1000;

    /// <summary>The credentials every function process gets (<c>AWS_ACCESS_KEY_ID</c>, ...); local stand-ins accept any.</summary>
    public string AccessKeyId { get; init; } = "ASIALOCALLAMBDAEMULATOR";

    /// <summary><c>AWS_SECRET_ACCESS_KEY</c> of every function process.</summary>
    public string SecretAccessKey { get; init; } = "local-lambda-emulator-secret";

    /// <summary><c>AWS_SESSION_TOKEN</c> of every function process.</summary>
    public string SessionToken { get; init; } = "local-lambda-emulator-session";
}
