using System.Text.Json.Serialization;
using Workers.Lambda;

namespace Workers.Tests;

/// <summary>Input of the test handlers.</summary>
public sealed record GreetInput(string Name);

/// <summary>Output of the greeting handler.</summary>
public sealed record GreetOutput(string Message);

/// <summary>Everything a handler can read from its context, returned so tests see what reached it.</summary>
public sealed record ContextSnapshot(
    string AwsRequestId,
    string InvokedFunctionArn,
    string? TraceId,
    string? ClientContext,
    string? Identity,
    string? TenantId,
    string FunctionName,
    string FunctionVersion,
    int MemoryLimitInMB,
    string LogGroupName,
    string LogStreamName,
    double RemainingSeconds,
    string? XAmznTraceId);

/// <summary>A domain-style failure, named like the errors Step Functions catches.</summary>
public sealed class PaymentDeclinedException : Exception
{
    public PaymentDeclinedException()
    {
    }

    public PaymentDeclinedException(string message)
        : base(message)
    {
    }

    public PaymentDeclinedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>Source-generated camelCase JSON for the test handlers.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(GreetInput))]
[JsonSerializable(typeof(GreetOutput))]
[JsonSerializable(typeof(ContextSnapshot))]
public sealed partial class LambdaTestJson : JsonSerializerContext;

/// <summary>The handlers the runtime tests register.</summary>
internal static class LambdaTestHandlers
{
    public static LambdaApplication App() => Register(new LambdaApplication());

    public static LambdaApplication Register(LambdaApplication app) => app
        .Handle("Greet", GreetAsync, LambdaTestJson.Default.GreetInput, LambdaTestJson.Default.GreetOutput)
        .Handle("Snapshot", SnapshotAsync, LambdaTestJson.Default.GreetInput, LambdaTestJson.Default.ContextSnapshot)
        .Handle("Decline", DeclineAsync, LambdaTestJson.Default.GreetInput, LambdaTestJson.Default.GreetOutput)
        .Handle("DeclineWithCause", DeclineWithCauseAsync, LambdaTestJson.Default.GreetInput, LambdaTestJson.Default.GreetOutput)
        .Handle("DeclineAll", DeclineAllAsync, LambdaTestJson.Default.GreetInput, LambdaTestJson.Default.GreetOutput)
        .Handle("DeclineAtLength", DeclineAtLengthAsync, LambdaTestJson.Default.GreetInput, LambdaTestJson.Default.GreetOutput)
        .Handle("Forget", ForgetAsync, LambdaTestJson.Default.GreetInput);

    private static Task<GreetOutput> GreetAsync(GreetInput input, ILambdaContext context)
    {
        context.Logger.LogInformation($"greeting {input.Name}");
        return Task.FromResult(new GreetOutput($"Hello, {input.Name}"));
    }

    private static Task<ContextSnapshot> SnapshotAsync(GreetInput input, ILambdaContext context) =>
        Task.FromResult(new ContextSnapshot(
            context.AwsRequestId,
            context.InvokedFunctionArn,
            context.TraceId,
            context.ClientContext,
            context.Identity,
            context.TenantId,
            context.FunctionName,
            context.FunctionVersion,
            context.MemoryLimitInMB,
            context.LogGroupName,
            context.LogStreamName,
            context.RemainingTime.TotalSeconds,
            Environment.GetEnvironmentVariable("_X_AMZN_TRACE_ID")));

    private static async Task<GreetOutput> DeclineAsync(GreetInput input, ILambdaContext context)
    {
        await Task.Yield();
        throw new PaymentDeclinedException($"card of {input.Name} declined");
    }

    private static async Task<GreetOutput> DeclineWithCauseAsync(GreetInput input, ILambdaContext context)
    {
        await Task.Yield();
        throw new PaymentDeclinedException("declined", new TimeoutException("gateway timed out"));
    }

    private static Task<GreetOutput> DeclineAllAsync(GreetInput input, ILambdaContext context) =>
        Task.FromException<GreetOutput>(new AggregateException(
            new PaymentDeclinedException("card declined"), new TimeoutException("gateway timed out")));

    // A message far over Lambda's 256 KB error payload limit.
    private static Task<GreetOutput> DeclineAtLengthAsync(GreetInput input, ILambdaContext context) =>
        Task.FromException<GreetOutput>(new PaymentDeclinedException(new string('x', 300 * 1024)));

    private static Task ForgetAsync(GreetInput input, ILambdaContext context) => Task.CompletedTask;
}
