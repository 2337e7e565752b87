using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Amazon.S3.Model;
using Asl;

namespace StepFunctions.Integrations;

/// <summary>
/// A Distributed Map ResultWriter on S3 (<c>s3:putObject</c> with Bucket and Prefix), writing what AWS writes under
/// <c>&lt;Prefix&gt;/&lt;map run id&gt;/</c>: <c>SUCCEEDED_0.json</c> and <c>FAILED_0.json</c> (arrays of child execution
/// descriptions) and <c>manifest.json</c> listing them. Returns <c>{"Bucket","Key"}</c> of the manifest; every failure is
/// States.ResultWriterFailed.
/// </summary>
public sealed class S3ResultWriter : IResultWriter, IDisposable
{
    private readonly S3Access _s3;

    /// <summary>A writer on the S3 endpoint of <paramref name="options"/>.</summary>
    public S3ResultWriter(IntegrationOptions options)
        : this(new S3Access(options ?? throw new ArgumentNullException(nameof(options))))
    {
    }

    internal S3ResultWriter(S3Access s3) => _s3 = s3;

    /// <inheritdoc/>
    public async ValueTask<JsonNode?> WriteAsync(ResultWriterRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Resource != "arn:aws:states:::s3:putObject")
        {
            throw Failed($"The ResultWriter resource '{request.Resource}' is not supported; use arn:aws:states:::s3:putObject.");
        }

        var arguments = request.Arguments as JsonObject ?? [];
        var bucket = Payloads.Text(arguments["Bucket"]) ?? throw Failed("The ResultWriter's Arguments must name a Bucket.");
        var prefix = Payloads.Text(arguments["Prefix"])?.TrimEnd('/');
        var runId = request.MapRunArn[(request.MapRunArn.LastIndexOf(':') + 1)..];
        var folder = string.IsNullOrEmpty(prefix) ? runId : $"{prefix}/{runId}";
        var client = _s3.Require(ErrorNames.ResultWriterFailed);
        try
        {
            var succeeded = await WriteFileAsync(client, bucket, $"{folder}/SUCCEEDED_0.json", request.Results.Where(r => r.Status == ExecutionStatus.Succeeded), cancellationToken).ConfigureAwait(false);
            var failed = await WriteFileAsync(client, bucket, $"{folder}/FAILED_0.json", request.Results.Where(r => r.Status is not ExecutionStatus.Succeeded and not ExecutionStatus.Running), cancellationToken).ConfigureAwait(false);
            var pending = await WriteFileAsync(client, bucket, $"{folder}/PENDING_0.json", request.Results.Where(r => r.Status == ExecutionStatus.Running), cancellationToken).ConfigureAwait(false);
            var manifest = new JsonObject
            {
                ["DestinationBucket"] = bucket,
                ["MapRunArn"] = request.MapRunArn,
                ["ResultFiles"] = new JsonObject
                {
                    ["FAILED"] = failed,
                    ["PENDING"] = pending,
                    ["SUCCEEDED"] = succeeded,
                },
            };
            var manifestKey = $"{folder}/manifest.json";
            await PutAsync(client, bucket, manifestKey, manifest.ToJsonString(), cancellationToken).ConfigureAwait(false);
            return new JsonObject { ["Bucket"] = bucket, ["Key"] = manifestKey };
        }
        catch (Exception e) when (S3Access.IsFailure(e))
        {
            throw Failed(S3Access.Describe(e));
        }
    }

    /// <summary>Disposes the S3 client.</summary>
    public void Dispose() => _s3.Dispose();

    // Writes one results file when there is anything to put in it; returns the manifest's list of files.
    private static async Task<JsonArray> WriteFileAsync(Amazon.S3.AmazonS3Client client, string bucket, string key, IEnumerable<MapRunChildResult> results, CancellationToken cancellationToken)
    {
        var entries = new JsonArray([.. results.Select(Describe)]);
        if (entries.Count == 0)
        {
            return [];
        }

        var body = entries.ToJsonString();
        await PutAsync(client, bucket, key, body, cancellationToken).ConfigureAwait(false);
        return [new JsonObject { ["Key"] = key, ["Size"] = Encoding.UTF8.GetByteCount(body) }];
    }

    private static Task PutAsync(Amazon.S3.AmazonS3Client client, string bucket, string key, string body, CancellationToken cancellationToken) =>
        client.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = key, ContentBody = body, ContentType = "application/json", UseChunkEncoding = false }, cancellationToken);

    // A child execution as DescribeExecution describes it, with Input/Output as JSON strings.
    private static JsonNode Describe(MapRunChildResult result)
    {
        var entry = new JsonObject
        {
            ["ExecutionArn"] = result.ExecutionArn,
            ["Input"] = result.Input?.ToJsonString() ?? "null",
            ["InputDetails"] = new JsonObject { ["Included"] = true },
            ["Name"] = result.Name,
        };
        if (result.Status == ExecutionStatus.Succeeded)
        {
            entry["Output"] = result.Output?.ToJsonString() ?? "null";
            entry["OutputDetails"] = new JsonObject { ["Included"] = true };
        }
        else
        {
            entry["Error"] = result.Error;
            entry["Cause"] = result.Cause;
        }

        entry["StartDate"] = Iso(result.StartDate);
        entry["StateMachineArn"] = StateMachineArn(result.ExecutionArn);
        entry["Status"] = Payloads.StatusName(result.Status);
        if (result.StopDate is { } stop)
        {
            entry["StopDate"] = Iso(stop);
        }

        return entry;
    }

    // arn:aws:states:r:a:execution:Machine/Label:name -> arn:aws:states:r:a:stateMachine:Machine/Label
    private static string StateMachineArn(string executionArn)
    {
        var parts = executionArn.Split(':');
        return parts.Length >= 7 ? $"{string.Join(':', parts[..5])}:stateMachine:{parts[6]}" : executionArn;
    }

    private static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static StatesErrorException Failed(string cause) => new(ErrorNames.ResultWriterFailed, cause);
}
