using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Asl;
using Template;
using Workers.Lambda;

namespace StateMachines.Tests;

/// <summary>
/// The template's functions as <c>lambda:invoke</c> answers: the task's FunctionName (ARN or name) picks the
/// template function, its <c>WORKERS_HANDLER</c> picks the real handler, which runs in-process with a context carrying
/// the function's name and its Timeout as remaining time (what the idempotency layer reads). A test can make Lambda
/// lose responses after the handler ran, which Step Functions sees as Lambda.ServiceException and retries.
/// </summary>
internal sealed class InProcessFunctions(IEnumerable<FunctionResource> functions) : ITaskHandler
{
    private readonly IReadOnlyList<FunctionResource> _functions = [.. functions];
    private readonly ConcurrentDictionary<string, Func<JsonNode?, ILambdaContext, Task<JsonNode?>>> _handlers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _responsesToLose = new(StringComparer.Ordinal);

    /// <summary>Registers the handler a <c>WORKERS_HANDLER</c> value selects.</summary>
    public InProcessFunctions Handle(string handlerName, Func<JsonNode?, ILambdaContext, Task<JsonNode?>> handler)
    {
        _handlers[handlerName] = handler;
        return this;
    }

    /// <summary>The next <paramref name="count"/> invocations of the function run its handler, then fail as Lambda.ServiceException.</summary>
    public void LoseResponses(string logicalId, int count) => _responsesToLose[logicalId] = count;

    public async ValueTask<TaskHandlerResult> InvokeAsync(TaskInvocation invocation, CancellationToken cancellationToken)
    {
        var functionName = invocation.Parameters?["FunctionName"]?.GetValue<string>();
        var function = _functions.FirstOrDefault(f => f.Arn == functionName || f.Name == functionName)
            ?? throw new StatesErrorException("Lambda.ResourceNotFoundException", $"Function not found: {functionName}");
        var handlerName = function.Environment.GetValueOrDefault(LambdaApplication.HandlerVariable) ?? string.Empty;
        var handler = _handlers.GetValueOrDefault(handlerName)
            ?? throw new StatesErrorException("Lambda.ServiceException", $"{function.LogicalId}: no in-process handler for {LambdaApplication.HandlerVariable}={handlerName}");
        var context = new TestLambdaContext
        {
            AwsRequestId = Guid.NewGuid().ToString(),
            FunctionName = function.Name,
            InvokedFunctionArn = function.Arn,
            RemainingTime = TimeSpan.FromSeconds(function.Timeout),
            MemoryLimitInMB = function.MemorySize,
        };
        var result = await InProcessLambda.InvokeAsync(handler, invocation.Parameters?["Payload"]?.DeepClone(), context);
        if (TakeLostResponse(function.LogicalId))
        {
            throw new StatesErrorException("Lambda.ServiceException", $"{function.LogicalId} ran, but its response was lost (test fault)");
        }

        return TaskHandlerResult.Completed(result);
    }

    private bool TakeLostResponse(string logicalId)
    {
        while (_responsesToLose.TryGetValue(logicalId, out var left) && left > 0)
        {
            if (_responsesToLose.TryUpdate(logicalId, left - 1, left))
            {
                return true;
            }
        }

        return false;
    }
}
