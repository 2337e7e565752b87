using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Asl;
using Workers.Lambda;

namespace StateMachines.Tests;

/// <summary>
/// Answers <c>lambda:invoke</c> tasks with a real handler class in-process, in the integration's shape
/// (<c>{"StatusCode":200,"Payload":…}</c>), and reports a thrown exception the way Lambda does: error = the
/// exception's short class name.
/// </summary>
internal static class InProcessLambda
{
    public static Func<TaskInvocation, CancellationToken, ValueTask<JsonNode?>> Handler<TIn, TOut>(
        Func<TIn, ILambdaContext, Task<TOut>> handler, JsonTypeInfo<TIn> input, JsonTypeInfo<TOut> output) =>
        async (invocation, _) =>
        {
            var payload = invocation.Parameters!["Payload"]!.Deserialize(input)!;
            try
            {
                var result = await handler(payload, new TestLambdaContext());
                return new JsonObject { ["StatusCode"] = 200, ["Payload"] = JsonSerializer.SerializeToNode(result, output) };
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                throw new StatesErrorException(e.GetType().Name, JsonSerializer.Serialize(new Dictionary<string, string>
                {
                    ["errorType"] = e.GetType().Name,
                    ["errorMessage"] = e.Message,
                }));
            }
        };
}
