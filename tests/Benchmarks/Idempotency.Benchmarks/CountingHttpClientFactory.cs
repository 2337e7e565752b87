using Amazon.Runtime;

namespace Idempotency.Benchmarks;

/// <summary>Gives the DynamoDB client an HttpClient that counts every request it sends, retries included.</summary>
internal sealed class CountingHttpClientFactory : HttpClientFactory
{
    private int _requests;

    /// <summary>Requests sent so far.</summary>
    public int Requests => Volatile.Read(ref _requests);

    public override HttpClient CreateHttpClient(IClientConfig clientConfig) => new(new CountingHandler(this));

    private sealed class CountingHandler(CountingHttpClientFactory owner) : DelegatingHandler(new SocketsHttpHandler())
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref owner._requests);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
