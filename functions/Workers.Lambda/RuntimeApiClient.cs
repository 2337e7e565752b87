using System.Globalization;
using System.Net;
using System.Net.Http.Headers;

namespace Workers.Lambda;

/// <summary>The four Runtime API calls (<c>2018-06-01</c>) the loop makes, over one HttpClient without a timeout.</summary>
internal sealed class RuntimeApiClient : IDisposable
{
    private const string ErrorTypeHeader = "Lambda-Runtime-Function-Error-Type";
    private const string XRayErrorCauseHeader = "Lambda-Runtime-Function-XRay-Error-Cause";

    private readonly HttpClient _http;

    private RuntimeApiClient(Uri baseAddress)
    {
        // /next blocks until an event arrives, possibly for hours while the sandbox is frozen, so no client timeout.
        _http = new HttpClient(new SocketsHttpHandler { PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan })
        {
            BaseAddress = baseAddress,
            Timeout = Timeout.InfiniteTimeSpan,
        };
        _http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("workers-lambda", "1.0"));
    }

    /// <summary>A client for <c>AWS_LAMBDA_RUNTIME_API</c>'s <c>host:port</c>, or null when the value is not one.</summary>
    public static RuntimeApiClient? Create(string hostAndPort)
    {
        var valid = Uri.TryCreate($"http://{hostAndPort}/2018-06-01/", UriKind.Absolute, out var baseAddress)
            && string.Equals(baseAddress.Authority, hostAndPort, StringComparison.OrdinalIgnoreCase);
        return valid ? new RuntimeApiClient(baseAddress!) : null;
    }

    public async Task<RuntimeInvocation> NextAsync(CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync(new Uri("runtime/invocation/next", UriKind.Relative), cancellationToken)
            .ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new RuntimeApiException($"GET /runtime/invocation/next answered {(int)response.StatusCode}.");
        }

        var requestId = Header(response, "Lambda-Runtime-Aws-Request-Id")
            ?? throw new RuntimeApiException("GET /runtime/invocation/next answered without Lambda-Runtime-Aws-Request-Id.");
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        DateTimeOffset? deadline = long.TryParse(Header(response, "Lambda-Runtime-Deadline-Ms"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms)
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : null;

        return new RuntimeInvocation(
            requestId,
            body,
            deadline,
            Header(response, "Lambda-Runtime-Invoked-Function-Arn") ?? "",
            Header(response, "Lambda-Runtime-Trace-Id"),
            Header(response, "Lambda-Runtime-Client-Context"),
            Header(response, "Lambda-Runtime-Cognito-Identity"),
            Header(response, "Lambda-Runtime-Aws-Tenant-Id"));
    }

    /// <summary>Posts a handler's result. A 4xx (e.g. 413, too large) is returned: Lambda failed that invocation, the loop goes on.</summary>
    public async Task<HttpStatusCode> RespondAsync(string requestId, byte[] body, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return await PostAsync($"runtime/invocation/{Uri.EscapeDataString(requestId)}/response", content, cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>Posts a handler's failure as the error document with the error-type header.</summary>
    public async Task<HttpStatusCode> ReportErrorAsync(string requestId, Exception exception, CancellationToken cancellationToken)
    {
        using var content = ErrorContent(exception);
        content.Headers.Add(ErrorTypeHeader, LambdaErrorDocument.ErrorType(exception));
        if (XRayCause.HeaderValue(exception) is { } cause)
        {
            content.Headers.TryAddWithoutValidation(XRayErrorCauseHeader, cause);
        }

        return await PostAsync($"runtime/invocation/{Uri.EscapeDataString(requestId)}/error", content, cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>Posts an initialization failure; the process must exit afterwards.</summary>
    public async Task ReportInitErrorAsync(Exception exception, CancellationToken cancellationToken)
    {
        using var content = ErrorContent(exception);
        content.Headers.Add(ErrorTypeHeader, LambdaErrorDocument.ErrorType(exception));
        await PostAsync("runtime/init/error", content, cancellationToken).ConfigureAwait(false);
    }

    public void Dispose() => _http.Dispose();

    private static ByteArrayContent ErrorContent(Exception exception)
    {
        var content = new ByteArrayContent(LambdaErrorDocument.Write(exception));
        content.Headers.ContentType = new MediaTypeHeaderValue(LambdaErrorDocument.ContentType);
        return content;
    }

    private async Task<HttpStatusCode> PostAsync(string path, HttpContent content, CancellationToken cancellationToken)
    {
        using var response = await _http.PostAsync(new Uri(path, UriKind.Relative), content, cancellationToken).ConfigureAwait(false);
        var status = (int)response.StatusCode;
        if (status >= 500)
        {
            // The Runtime API's contract: a 500 means the container is unrecoverable and the runtime exits promptly.
            throw new RuntimeApiException($"POST /{path} answered {status}.");
        }

        return response.StatusCode;
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
