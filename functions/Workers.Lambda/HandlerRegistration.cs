using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Workers.Lambda;

/// <summary>A registered handler, erased to bytes in and bytes out so the loop needs no generics.</summary>
internal abstract class HandlerRegistration(string name)
{
    public string Name { get; } = name;

    /// <summary>Runs the handler; the result is the response body (empty for a handler without a result).</summary>
    public abstract Task<byte[]> InvokeAsync(byte[] body, ILambdaContext context);

    protected static TInput Deserialize<TInput>(byte[] body, JsonTypeInfo<TInput> typeInfo)
    {
        TInput? input;
        try
        {
            input = JsonSerializer.Deserialize(body, typeInfo);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException)
        {
            throw new JsonSerializerException($"Error converting the Lambda event JSON payload to type {typeof(TInput).FullName}: {e.Message}", e);
        }

        // The AWS runtime would hand the handler null here; a named error is clearer than a NullReferenceException.
        return input ?? throw new JsonSerializerException(
            $"Error converting the Lambda event JSON payload to type {typeof(TInput).FullName}: the payload is JSON null.");
    }
}

/// <summary>A handler that returns a result.</summary>
internal sealed class HandlerRegistration<TInput, TOutput>(
    string name,
    Func<TInput, ILambdaContext, Task<TOutput>> handler,
    JsonTypeInfo<TInput> input,
    JsonTypeInfo<TOutput> output) : HandlerRegistration(name)
{
    public override async Task<byte[]> InvokeAsync(byte[] body, ILambdaContext context)
    {
        var result = await handler(Deserialize(body, input), context).ConfigureAwait(false);
        try
        {
            var buffer = new ArrayBufferWriter<byte>();
            using (var writer = new Utf8JsonWriter(buffer, LambdaJsonWriter.Options))
            {
                JsonSerializer.Serialize(writer, result, output);
            }

            return buffer.WrittenSpan.ToArray();
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException)
        {
            throw new JsonSerializerException(
                $"Error converting the response object of type {typeof(TOutput).FullName} from the Lambda function to JSON: {e.Message}", e);
        }
    }
}

/// <summary>A handler without a result; like the AWS runtime it posts an empty response body.</summary>
internal sealed class HandlerRegistration<TInput>(
    string name,
    Func<TInput, ILambdaContext, Task> handler,
    JsonTypeInfo<TInput> input) : HandlerRegistration(name)
{
    public override async Task<byte[]> InvokeAsync(byte[] body, ILambdaContext context)
    {
        await handler(Deserialize(body, input), context).ConfigureAwait(false);
        return [];
    }
}
