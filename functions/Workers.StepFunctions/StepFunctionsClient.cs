using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Amazon;
using Amazon.Runtime.Credentials;
using Amazon.Runtime.Signing;

namespace Workers.StepFunctions;

/// <summary>
/// A small Step Functions client over the AWS JSON 1.0 protocol (<c>POST /</c>, <c>X-Amz-Target:
/// AWSStepFunctions.&lt;Operation&gt;</c>), signed with SigV4 for service <c>states</c> by AWSSDK.Core's
/// <see cref="SigV4SigningHandler"/>. Covers what the workers need: StartExecution, DescribeExecution and the task
/// token callbacks. Error responses become <see cref="StepFunctionsException"/> leaves named like AWSSDK.StepFunctions'.
/// </summary>
public sealed class StepFunctionsClient : IDisposable
{
    private const string ContentType = "application/x-amz-json-1.0";
    private const string TargetPrefix = "AWSStepFunctions.";

    private static readonly Dictionary<string, Func<string, int, StepFunctionsException>> KnownErrors = new(StringComparer.Ordinal)
    {
        ["ExecutionAlreadyExists"] = (message, status) => new ExecutionAlreadyExistsException(message) { StatusCode = status },
        ["ExecutionDoesNotExist"] = (message, status) => new ExecutionDoesNotExistException(message) { StatusCode = status },
        ["ExecutionLimitExceeded"] = (message, status) => new ExecutionLimitExceededException(message) { StatusCode = status },
        ["InvalidArn"] = (message, status) => new InvalidArnException(message) { StatusCode = status },
        ["InvalidExecutionInput"] = (message, status) => new InvalidExecutionInputException(message) { StatusCode = status },
        ["InvalidName"] = (message, status) => new InvalidNameException(message) { StatusCode = status },
        ["InvalidOutput"] = (message, status) => new InvalidOutputException(message) { StatusCode = status },
        ["InvalidToken"] = (message, status) => new InvalidTokenException(message) { StatusCode = status },
        ["StateMachineDeleting"] = (message, status) => new StateMachineDeletingException(message) { StatusCode = status },
        ["StateMachineDoesNotExist"] = (message, status) => new StateMachineDoesNotExistException(message) { StatusCode = status },
        ["TaskDoesNotExist"] = (message, status) => new TaskDoesNotExistException(message) { StatusCode = status },
        ["TaskTimedOut"] = (message, status) => new TaskTimedOutException(message) { StatusCode = status },
        ["Validation"] = (message, status) => new ValidationException(message) { StatusCode = status },
    };

    private readonly HttpClient _http;

    /// <summary>Creates a client configured from the environment (<see cref="StepFunctionsClientOptions.FromEnvironment"/>).</summary>
    public StepFunctionsClient()
        : this(StepFunctionsClientOptions.FromEnvironment())
    {
    }

    /// <summary>Creates a client for the given endpoint, region and credentials.</summary>
    public StepFunctionsClient(StepFunctionsClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ServiceUrl = options.ServiceUrl;
        var credentials = options.Credentials ?? DefaultAWSCredentialsIdentityResolver.GetCredentials();
        _http = new HttpClient(new SigV4SigningHandler(credentials, RegionEndpoint.GetBySystemName(options.Region), "states", new SocketsHttpHandler()));
    }

    /// <summary>The endpoint requests go to.</summary>
    public Uri ServiceUrl { get; }

    /// <summary>Starts an execution.</summary>
    public Task<StartExecutionResponse> StartExecutionAsync(StartExecutionRequest request, CancellationToken cancellationToken = default) =>
        SendAsync("StartExecution", request, StepFunctionsJson.Default.StartExecutionRequest, StepFunctionsJson.Default.StartExecutionResponse, cancellationToken);

    /// <summary>Describes an execution.</summary>
    public Task<DescribeExecutionResponse> DescribeExecutionAsync(DescribeExecutionRequest request, CancellationToken cancellationToken = default) =>
        SendAsync("DescribeExecution", request, StepFunctionsJson.Default.DescribeExecutionRequest, StepFunctionsJson.Default.DescribeExecutionResponse, cancellationToken);

    /// <summary>Completes a waiting task with output.</summary>
    public Task SendTaskSuccessAsync(SendTaskSuccessRequest request, CancellationToken cancellationToken = default) =>
        SendAsync("SendTaskSuccess", request, StepFunctionsJson.Default.SendTaskSuccessRequest, StepFunctionsJson.Default.EmptyResponse, cancellationToken);

    /// <summary>Fails a waiting task with an error and cause.</summary>
    public Task SendTaskFailureAsync(SendTaskFailureRequest request, CancellationToken cancellationToken = default) =>
        SendAsync("SendTaskFailure", request, StepFunctionsJson.Default.SendTaskFailureRequest, StepFunctionsJson.Default.EmptyResponse, cancellationToken);

    /// <summary>Reports that a waiting task is still alive.</summary>
    public Task SendTaskHeartbeatAsync(SendTaskHeartbeatRequest request, CancellationToken cancellationToken = default) =>
        SendAsync("SendTaskHeartbeat", request, StepFunctionsJson.Default.SendTaskHeartbeatRequest, StepFunctionsJson.Default.EmptyResponse, cancellationToken);

    /// <inheritdoc/>
    public void Dispose() => _http.Dispose();

    private async Task<TResponse> SendAsync<TRequest, TResponse>(
        string operation,
        TRequest request,
        JsonTypeInfo<TRequest> requestInfo,
        JsonTypeInfo<TResponse> responseInfo,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(request, requestInfo));
        content.Headers.ContentType = new MediaTypeHeaderValue(ContentType);
        using var message = new HttpRequestMessage(HttpMethod.Post, ServiceUrl) { Content = content };
        message.Headers.Add("X-Amz-Target", TargetPrefix + operation);

        using var response = await _http.SendAsync(message, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw Error(response, body);
        }

        try
        {
            return JsonSerializer.Deserialize(body, responseInfo)
                ?? throw new UnknownStepFunctionsErrorException($"{operation} answered JSON null.") { StatusCode = (int)response.StatusCode };
        }
        catch (JsonException e)
        {
            throw new UnknownStepFunctionsErrorException($"{operation} answered a body that is not its response shape: {e.Message}", e)
            {
                StatusCode = (int)response.StatusCode,
            };
        }
    }

    private static StepFunctionsException Error(HttpResponseMessage response, byte[] body)
    {
        AwsErrorDocument? document = null;
        try
        {
            document = JsonSerializer.Deserialize(body, StepFunctionsJson.Default.AwsErrorDocument);
        }
        catch (JsonException)
        {
            // Not an AWS error document (e.g. a proxy's HTML page); reported as an unknown error below.
        }

        var type = document?.Type
            ?? (response.Headers.TryGetValues("x-amzn-ErrorType", out var values) ? values.FirstOrDefault() : null);
        var code = Code(type);
        var message = document?.Message ?? (document is null ? Encoding.UTF8.GetString(body) : "");
        var status = (int)response.StatusCode;
        // Step Functions names most codes without the suffix (TaskTimedOut) but ValidationException with it; accept both.
        var key = code is not null && code.EndsWith("Exception", StringComparison.Ordinal) ? code[..^"Exception".Length] : code;
        if (key is not null && KnownErrors.TryGetValue(key, out var create))
        {
            return create(message, status);
        }

        return new UnknownStepFunctionsErrorException(message) { Code = code ?? "Unknown", StatusCode = status };
    }

    // The code is what follows any namespace ("…#TaskTimedOut") and precedes any ":" detail ("Code:http://…").
    private static string? Code(string? type)
    {
        if (string.IsNullOrWhiteSpace(type))
        {
            return null;
        }

        var code = type[(type.LastIndexOf('#') + 1)..];
        var colon = code.IndexOf(':', StringComparison.Ordinal);
        return colon >= 0 ? code[..colon] : code;
    }
}
