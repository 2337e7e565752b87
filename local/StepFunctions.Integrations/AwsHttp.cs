using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Signing;

namespace StepFunctions.Integrations;

/// <summary>
/// SigV4-signed HTTP to the configured endpoints (local stand-ins ignore signatures; signing keeps the requests valid
/// against anything that checks them). One client per signing service, reused for every call.
/// </summary>
internal sealed class AwsHttp(IntegrationOptions options) : IDisposable
{
    private readonly ConcurrentDictionary<string, HttpClient> _clients = new(StringComparer.Ordinal);
    private readonly BasicAWSCredentials _credentials = new(options.AccessKeyId, options.SecretAccessKey);

    public IntegrationOptions Options { get; } = options;

    /// <summary>An AWS JSON-protocol request (<c>X-Amz-Target</c>) to the service root.</summary>
    public static HttpRequestMessage JsonRequest(Uri endpoint, string target, string contentType, string body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, endpoint)
        {
            Content = new StringContent(body, Encoding.UTF8),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        request.Headers.TryAddWithoutValidation("X-Amz-Target", target);
        return request;
    }

    /// <summary>
    /// Sends a request and returns the successful response. An unreachable endpoint fails the task with
    /// <c>&lt;errorPrefix&gt;.SdkClientException</c>; an error response with what <paramref name="error"/> makes of it.
    /// </summary>
    public async Task<AwsResponse> CallAsync(HttpRequestMessage request, string signingService, string errorPrefix, Func<AwsResponse, Asl.StatesErrorException> error, CancellationToken cancellationToken)
    {
        AwsResponse response;
        try
        {
            response = await SendAsync(request, signingService, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw ServiceErrors.ClientFailure(errorPrefix, e);
        }

        return response.IsSuccess ? response : throw error(response);
    }

    /// <summary>Sends a request signed for <paramref name="signingService"/> and reads the whole response.</summary>
    /// <exception cref="HttpRequestException">The endpoint could not be reached or timed out.</exception>
    public async Task<AwsResponse> SendAsync(HttpRequestMessage request, string signingService, CancellationToken cancellationToken)
    {
        using (request)
        {
            var client = _clients.GetOrAdd(signingService, service => new HttpClient(
                new SigV4SigningHandler(_credentials, RegionEndpoint.GetBySystemName(Options.Region), service, new SocketsHttpHandler()))
            {
                Timeout = Options.RequestTimeout,
            });
            try
            {
                using var response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
                var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
                return AwsResponse.From(response, body);
            }
            catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
            {
                throw new HttpRequestException($"Unable to execute HTTP request: the request to {request.RequestUri} timed out after {Options.RequestTimeout}.", e);
            }
        }
    }

    public void Dispose()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }
    }
}
