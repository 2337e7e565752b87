using System.Globalization;
using Amazon.Runtime;
using Amazon.S3;
using Asl;

namespace StepFunctions.Integrations;

/// <summary>
/// The S3 client the S3 task, ItemReader and ResultWriter share: path-style addressing at the configured endpoint
/// (s3rver), checksums only where S3 requires them and uploads unchunked, since s3rver speaks neither the trailing-checksum
/// nor the aws-chunked encoding.
/// </summary>
internal sealed class S3Access(IntegrationOptions options) : IDisposable
{
    private readonly Lazy<AmazonS3Client?> _client = new(() => options.S3Endpoint is { } endpoint
        ? new AmazonS3Client(
            new BasicAWSCredentials(options.S3AccessKeyId, options.S3SecretAccessKey),
            new AmazonS3Config
            {
                ServiceURL = endpoint.ToString(),
                ForcePathStyle = true,
                AuthenticationRegion = options.Region,
                RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
                ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
                Timeout = options.RequestTimeout,
            })
        : null);

    /// <summary>The client, or null when no S3 endpoint is configured.</summary>
    public AmazonS3Client? Client => _client.Value;

    /// <summary>An S3 failure in the SDK v2 wording Step Functions reports: <c>message (Service: S3, Status Code: N, Request ID: R)</c>.</summary>
    public static string Describe(Exception exception) => exception switch
    {
        AmazonS3Exception e => ServiceErrors.SdkV2Cause(e.Message, "S3", (int)e.StatusCode, e.RequestId ?? string.Empty),
        _ => $"Unable to execute HTTP request: {exception.Message}",
    };

    /// <summary>True for the exceptions an S3 call fails with (service errors, unreachable endpoint).</summary>
    public static bool IsFailure(Exception exception) => exception is AmazonServiceException or AmazonClientException or HttpRequestException or IOException;

    /// <summary>The S3 error name for <c>aws-sdk:s3</c> tasks: <c>S3.NoSuchKeyException</c>, <c>S3.SdkClientException</c>, ...</summary>
    public static string ErrorName(Exception exception) => exception is AmazonS3Exception { ErrorCode: { Length: > 0 } code }
        ? ServiceErrors.SdkV2Name("S3", code)
        : exception is AmazonServiceException ? "S3.S3Exception" : "S3.SdkClientException";

    /// <summary>ISO 8601 with seconds, as the SDK v2 renders S3 timestamps.</summary>
    public static string Timestamp(DateTime? time) =>
        (time ?? DateTime.UnixEpoch).ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public AmazonS3Client Require(string error, TaskInvocation? task = null) => Client ?? throw (task is null
        ? new StatesErrorException(error, "No S3 endpoint is configured: set S3_ENDPOINT, AWS_ENDPOINT_URL_S3 or AWS_ENDPOINT_URL.")
        : ServiceErrors.NotConfigured("S3", "S3_ENDPOINT, AWS_ENDPOINT_URL_S3 or AWS_ENDPOINT_URL", task));

    public void Dispose()
    {
        if (_client.IsValueCreated)
        {
            _client.Value?.Dispose();
        }
    }
}
