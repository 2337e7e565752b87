using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Lambda.Local;

/// <summary>
/// Lambda's Invoke operation over REST-JSON: <c>POST /2015-03-31/functions/{FunctionName}/invocations</c>, with the
/// headers and error bodies the AWS CLI and SDKs parse (<c>x-amzn-ErrorType</c> plus <c>{"Type","Message"}</c>).
/// Requests are not signature-checked: any credentials work, as with other local AWS stand-ins.
/// </summary>
internal sealed class InvokeApi(LambdaEmulator emulator)
{
    private const string FunctionsPrefix = "/2015-03-31/functions/";
    private const string InvocationsSuffix = "/invocations";

    public async Task HandleAsync(HttpContext context)
    {
        var requestId = Guid.NewGuid().ToString();
        try
        {
            var path = context.Request.Path.Value ?? "";
            if (!HttpMethods.IsPost(context.Request.Method)
                || !path.StartsWith(FunctionsPrefix, StringComparison.Ordinal)
                || !path.EndsWith(InvocationsSuffix, StringComparison.Ordinal)
                || path.Length <= FunctionsPrefix.Length + InvocationsSuffix.Length)
            {
                throw new LambdaServiceException("UnknownOperationException", 404, $"Unknown operation {context.Request.Method} {path}");
            }

            var functionName = Uri.UnescapeDataString(path[FunctionsPrefix.Length..^InvocationsSuffix.Length]);
            var options = ReadOptions(context.Request);
            var body = await LoopbackHost.ReadBodyAsync(context.Request, LambdaLimits.SyncRequestBytes, context.RequestAborted).ConfigureAwait(false)
                ?? throw LambdaServiceException.RequestTooLarge(LambdaLimits.SyncRequestBytes);
            var result = await emulator.InvokeAsync(functionName, body, options, context.RequestAborted).ConfigureAwait(false);
            await WriteResultAsync(context, result).ConfigureAwait(false);
        }
        catch (LambdaServiceException e)
        {
            await WriteErrorAsync(context, e, requestId).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The caller hung up; the function runs on, as in Lambda.
        }
    }

    private static InvocationOptions ReadOptions(HttpRequest request)
    {
        var invocationType = request.Headers["X-Amz-Invocation-Type"].ToString() switch
        {
            "" or "RequestResponse" => InvocationType.RequestResponse,
            "Event" => InvocationType.Event,
            "DryRun" => InvocationType.DryRun,
            var other => throw EnumViolation(other, "invocationType", "[Event, RequestResponse, DryRun]"),
        };
        var tail = request.Headers["X-Amz-Log-Type"].ToString() switch
        {
            "" or "None" => false,
            "Tail" => true,
            var other => throw EnumViolation(other, "logType", "[None, Tail]"),
        };
        var clientContext = request.Headers["X-Amz-Client-Context"].ToString();
        var traceHeader = request.Headers["X-Amzn-Trace-Id"].ToString();
        var qualifier = request.Query["Qualifier"].ToString();
        return new InvocationOptions
        {
            InvocationType = invocationType,
            TailLog = tail,
            ClientContext = clientContext.Length == 0 ? null : DecodeClientContext(clientContext),
            TraceHeader = traceHeader.Length == 0 ? null : traceHeader,
            Qualifier = qualifier.Length == 0 ? null : qualifier,
        };
    }

    // The header carries base64 JSON; the function receives the JSON itself.
    private static string DecodeClientContext(string base64)
    {
        try
        {
            var json = Convert.FromBase64String(base64);
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                return Encoding.UTF8.GetString(json);
            }
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            // Answered below.
        }

        throw LambdaServiceException.InvalidRequestContent("Client context must be a valid Base64-encoded JSON object.");
    }

    private static LambdaServiceException EnumViolation(string value, string member, string allowed) =>
        LambdaServiceException.Validation(
            $"1 validation error detected: Value '{value}' at '{member}' failed to satisfy constraint: Member must satisfy enum value set: {allowed}");

    private static async Task WriteResultAsync(HttpContext context, InvocationResult result)
    {
        var response = context.Response;
        response.StatusCode = result.StatusCode;
        response.Headers["x-amzn-RequestId"] = result.RequestId;
        if (result.StatusCode != StatusCodes.Status200OK)
        {
            return;
        }

        response.ContentType = "application/json";
        response.Headers["X-Amz-Executed-Version"] = result.ExecutedVersion;
        if (result.FunctionError is { } functionError)
        {
            response.Headers["X-Amz-Function-Error"] = functionError;
        }

        if (result.LogResult is { } log)
        {
            response.Headers["X-Amz-Log-Result"] = log;
        }

        response.ContentLength = result.Payload.Length;
        await response.Body.WriteAsync(result.Payload, context.RequestAborted).ConfigureAwait(false);
    }

    private static async Task WriteErrorAsync(HttpContext context, LambdaServiceException error, string requestId)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            if (error.ErrorCode != "ValidationException")
            {
                writer.WriteString("Type", error.StatusCode >= 500 ? "Service" : "User");
            }

            // The Lambda model spells the member "Message" for these two and "message" for every other error.
            var messageName = error.ErrorCode is "ResourceNotFoundException" or "ServiceException" ? "Message" : "message";
            writer.WriteString(messageName, error.Message);
            if (error.Reason is { } reason)
            {
                writer.WriteString("Reason", reason);
            }

            writer.WriteEndObject();
        }

        var response = context.Response;
        response.StatusCode = error.StatusCode;
        response.ContentType = "application/json";
        response.Headers["x-amzn-RequestId"] = requestId;
        response.Headers["x-amzn-ErrorType"] = error.ErrorCode;
        response.ContentLength = buffer.Length;
        await response.Body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), context.RequestAborted).ConfigureAwait(false);
    }
}
