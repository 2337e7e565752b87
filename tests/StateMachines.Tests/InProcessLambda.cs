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
    /// <summary>One handler for every <c>lambda:invoke</c> task, whatever its FunctionName.</summary>
    public static Func<TaskInvocation, CancellationToken, ValueTask<JsonNode?>> Handler<TIn, TOut>(
        Func<TIn, ILambdaContext, Task<TOut>> handler, JsonTypeInfo<TIn> input, JsonTypeInfo<TOut> output)
    {
        var function = Typed(handler, input, output);
        return async (invocation, _) => await InvokeAsync(function, invocation.Parameters!["Payload"], new TestLambdaContext());
    }

    /// <summary>A typed handler behind Lambda's JSON contract: the payload in, the serialized result out.</summary>
    public static Func<JsonNode?, ILambdaContext, Task<JsonNode?>> Typed<TIn, TOut>(
        Func<TIn, ILambdaContext, Task<TOut>> handler, JsonTypeInfo<TIn> input, JsonTypeInfo<TOut> output) =>
        async (payload, context) => JsonSerializer.SerializeToNode(await handler(payload.Deserialize(input)!, context), output);

    /// <summary>Runs a function and answers as the integration does, or fails the task with the exception's name.</summary>
    public static async Task<JsonNode?> InvokeAsync(Func<JsonNode?, ILambdaContext, Task<JsonNode?>> function, JsonNode? payload, ILambdaContext context)
    {
        try
        {
            return new JsonObject { ["StatusCode"] = 200, ["Payload"] = await function(payload, context) };
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Lambda reports a payload its serializer cannot read as JsonSerializerException, like Workers.Lambda does.
            var name = e is JsonException ? nameof(JsonSerializerException) : e.GetType().Name;
            throw new StatesErrorException(name, JsonSerializer.Serialize(new Dictionary<string, string>
            {
                ["errorType"] = name,
                ["errorMessage"] = e.Message,
            }));
        }
    }
}
