using System.Text.Json;
using System.Text.Json.Serialization;

namespace Workers.Lambda;

/// <summary>
/// An HTTP API request in payload format 2.0, with AWS's camelCase wire names; the same shape as
/// Amazon.Lambda.APIGatewayEvents' type of the same name (IAM authorizer details are not modelled).
/// </summary>
public sealed record APIGatewayHttpApiV2ProxyRequest
{
    /// <summary>Always <c>2.0</c>.</summary>
    [JsonPropertyName("version")]
    public string? Version { get; init; }

    /// <summary>The matched route, e.g. <c>POST /orders</c>, or <c>$default</c>.</summary>
    [JsonPropertyName("routeKey")]
    public string? RouteKey { get; init; }

    /// <summary>The request path.</summary>
    [JsonPropertyName("rawPath")]
    public string? RawPath { get; init; }

    /// <summary>The query string without <c>?</c>.</summary>
    [JsonPropertyName("rawQueryString")]
    public string? RawQueryString { get; init; }

    /// <summary>Cookie header values, one per cookie.</summary>
    [JsonPropertyName("cookies")]
    public IList<string>? Cookies { get; init; }

    /// <summary>Headers with lowercase names; repeated headers joined with commas.</summary>
    [JsonPropertyName("headers")]
    public IDictionary<string, string>? Headers { get; init; }

    /// <summary>Query parameters; repeated ones joined with commas.</summary>
    [JsonPropertyName("queryStringParameters")]
    public IDictionary<string, string>? QueryStringParameters { get; init; }

    /// <summary>Request metadata.</summary>
    [JsonPropertyName("requestContext")]
    public ProxyRequestContext? RequestContext { get; init; }

    /// <summary>The body, base64 when <see cref="IsBase64Encoded"/>.</summary>
    [JsonPropertyName("body")]
    public string? Body { get; init; }

    /// <summary>Route path parameters, e.g. <c>id</c> of <c>/approvals/{id}</c>.</summary>
    [JsonPropertyName("pathParameters")]
    public IDictionary<string, string>? PathParameters { get; init; }

    /// <summary>Whether <see cref="Body"/> is base64.</summary>
    [JsonPropertyName("isBase64Encoded")]
    public bool IsBase64Encoded { get; init; }

    /// <summary>The stage's variables.</summary>
    [JsonPropertyName("stageVariables")]
    public IDictionary<string, string>? StageVariables { get; init; }

    /// <summary>The <c>requestContext</c> object.</summary>
    public sealed record ProxyRequestContext
    {
        /// <summary>The API owner's account.</summary>
        [JsonPropertyName("accountId")]
        public string? AccountId { get; init; }

        /// <summary>The API id.</summary>
        [JsonPropertyName("apiId")]
        public string? ApiId { get; init; }

        /// <summary>What the authorizer established about the caller.</summary>
        [JsonPropertyName("authorizer")]
        public AuthorizerDescription? Authorizer { get; init; }

        /// <summary>Mutual TLS details.</summary>
        [JsonPropertyName("authentication")]
        public ProxyRequestAuthentication? Authentication { get; init; }

        /// <summary>The domain name called.</summary>
        [JsonPropertyName("domainName")]
        public string? DomainName { get; init; }

        /// <summary>The first label of the domain name.</summary>
        [JsonPropertyName("domainPrefix")]
        public string? DomainPrefix { get; init; }

        /// <summary>Method, path, protocol, source IP and user agent.</summary>
        [JsonPropertyName("http")]
        public HttpDescription? Http { get; init; }

        /// <summary>The request id.</summary>
        [JsonPropertyName("requestId")]
        public string? RequestId { get; init; }

        /// <summary>The route id.</summary>
        [JsonPropertyName("routeId")]
        public string? RouteId { get; init; }

        /// <summary>The matched route.</summary>
        [JsonPropertyName("routeKey")]
        public string? RouteKey { get; init; }

        /// <summary>The stage, e.g. <c>$default</c>.</summary>
        [JsonPropertyName("stage")]
        public string? Stage { get; init; }

        /// <summary>Request time, e.g. <c>12/Mar/2020:19:03:58 +0000</c>.</summary>
        [JsonPropertyName("time")]
        public string? Time { get; init; }

        /// <summary>Request time in epoch milliseconds.</summary>
        [JsonPropertyName("timeEpoch")]
        public long TimeEpoch { get; init; }
    }

    /// <summary>The <c>requestContext.http</c> object.</summary>
    public sealed record HttpDescription
    {
        /// <summary>The HTTP method.</summary>
        [JsonPropertyName("method")]
        public string? Method { get; init; }

        /// <summary>The request path.</summary>
        [JsonPropertyName("path")]
        public string? Path { get; init; }

        /// <summary>E.g. <c>HTTP/1.1</c>.</summary>
        [JsonPropertyName("protocol")]
        public string? Protocol { get; init; }

        /// <summary>The caller's IP address.</summary>
        [JsonPropertyName("sourceIp")]
        public string? SourceIp { get; init; }

        /// <summary>The User-Agent header.</summary>
        [JsonPropertyName("userAgent")]
        public string? UserAgent { get; init; }
    }

    /// <summary>The <c>requestContext.authorizer</c> object.</summary>
    public sealed record AuthorizerDescription
    {
        /// <summary>A JWT authorizer's claims and scopes.</summary>
        [JsonPropertyName("jwt")]
        public JwtDescription? Jwt { get; init; }

        /// <summary>A Lambda authorizer's context.</summary>
        [JsonPropertyName("lambda")]
        public IDictionary<string, JsonElement>? Lambda { get; init; }
    }

    /// <summary>The <c>requestContext.authorizer.jwt</c> object.</summary>
    public sealed record JwtDescription
    {
        /// <summary>The token's claims, as strings.</summary>
        [JsonPropertyName("claims")]
        public IDictionary<string, string>? Claims { get; init; }

        /// <summary>The token's scopes.</summary>
        [JsonPropertyName("scopes")]
        public IList<string>? Scopes { get; init; }
    }

    /// <summary>The <c>requestContext.authentication</c> object.</summary>
    public sealed record ProxyRequestAuthentication
    {
        /// <summary>The client certificate of a mutual TLS call.</summary>
        [JsonPropertyName("clientCert")]
        public ProxyRequestClientCert? ClientCert { get; init; }
    }

    /// <summary>The <c>requestContext.authentication.clientCert</c> object.</summary>
    public sealed record ProxyRequestClientCert
    {
        /// <summary>The PEM-encoded certificate.</summary>
        [JsonPropertyName("clientCertPem")]
        public string? ClientCertPem { get; init; }

        /// <summary>The subject's distinguished name.</summary>
        [JsonPropertyName("subjectDN")]
        public string? SubjectDN { get; init; }

        /// <summary>The issuer's distinguished name.</summary>
        [JsonPropertyName("issuerDN")]
        public string? IssuerDN { get; init; }

        /// <summary>The serial number.</summary>
        [JsonPropertyName("serialNumber")]
        public string? SerialNumber { get; init; }

        /// <summary>The validity period.</summary>
        [JsonPropertyName("validity")]
        public ClientCertValidity? Validity { get; init; }
    }

    /// <summary>The <c>clientCert.validity</c> object.</summary>
    public sealed record ClientCertValidity
    {
        /// <summary>Start of validity.</summary>
        [JsonPropertyName("notBefore")]
        public string? NotBefore { get; init; }

        /// <summary>End of validity.</summary>
        [JsonPropertyName("notAfter")]
        public string? NotAfter { get; init; }
    }
}
