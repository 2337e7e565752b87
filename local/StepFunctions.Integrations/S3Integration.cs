using System.Text.Json.Nodes;
using Amazon.S3.Model;
using Asl;

namespace StepFunctions.Integrations;

/// <summary>
/// <c>aws-sdk:s3:getObject|putObject|listObjectsV2|deleteObject</c> against the S3 endpoint (s3rver), with the SDK v2
/// response shapes Step Functions returns (getObject's Body as text) and errors <c>S3.&lt;Code&gt;Exception</c>.
/// </summary>
internal sealed class S3Integration(S3Access s3) : ITaskHandler
{
    public async ValueTask<TaskHandlerResult> InvokeAsync(TaskInvocation invocation, CancellationToken cancellationToken)
    {
        var parameters = Payloads.Object(invocation.Parameters, "S3");
        var client = s3.Require("S3.SdkClientException", invocation);
        var bucket = Payloads.Required(parameters, "Bucket", "S3.S3Exception", "S3");
        JsonObject output;
        try
        {
            output = invocation.Resource.Action switch
            {
                "getObject" => await GetAsync(client, bucket, parameters, cancellationToken).ConfigureAwait(false),
                "putObject" => await PutAsync(client, bucket, parameters, cancellationToken).ConfigureAwait(false),
                "listObjectsV2" => await ListAsync(client, bucket, parameters, cancellationToken).ConfigureAwait(false),
                "deleteObject" => await DeleteAsync(client, bucket, parameters, cancellationToken).ConfigureAwait(false),
                _ => throw new StatesErrorException(
                    ErrorNames.Runtime,
                    $"The resource '{invocation.Resource.Arn}' is not supported locally; aws-sdk:s3 supports getObject, putObject, listObjectsV2 and deleteObject.")
                {
                    IsTerminal = true,
                },
            };
        }
        catch (Exception e) when (S3Access.IsFailure(e))
        {
            throw new StatesErrorException(S3Access.ErrorName(e), S3Access.Describe(e));
        }

        return Payloads.Result(invocation, output);
    }

    private static async Task<JsonObject> GetAsync(Amazon.S3.AmazonS3Client client, string bucket, JsonObject parameters, CancellationToken cancellationToken)
    {
        using var response = await client.GetObjectAsync(
            new GetObjectRequest { BucketName = bucket, Key = Key(parameters), VersionId = Payloads.Text(parameters["VersionId"]) },
            cancellationToken).ConfigureAwait(false);
        using var reader = new StreamReader(response.ResponseStream);
        var body = await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        var metadata = new JsonObject();
        foreach (var name in response.Metadata.Keys)
        {
            metadata[name.StartsWith("x-amz-meta-", StringComparison.OrdinalIgnoreCase) ? name["x-amz-meta-".Length..] : name] = response.Metadata[name];
        }

        return new JsonObject
        {
            ["AcceptRanges"] = response.AcceptRanges ?? "bytes",
            ["Body"] = body,
            ["ContentLength"] = response.ContentLength,
            ["ContentType"] = response.Headers.ContentType,
            ["ETag"] = response.ETag,
            ["LastModified"] = S3Access.Timestamp(response.LastModified),
            ["Metadata"] = metadata,
            ["ServerSideEncryption"] = response.ServerSideEncryptionMethod?.Value ?? "AES256",
        };
    }

    private static async Task<JsonObject> PutAsync(Amazon.S3.AmazonS3Client client, string bucket, JsonObject parameters, CancellationToken cancellationToken)
    {
        var response = await client.PutObjectAsync(
            new PutObjectRequest
            {
                BucketName = bucket,
                Key = Key(parameters),
                ContentBody = Payloads.StringOrJson(parameters["Body"]) ?? string.Empty,
                ContentType = Payloads.Text(parameters["ContentType"]),
                UseChunkEncoding = false,
            },
            cancellationToken).ConfigureAwait(false);
        return new JsonObject
        {
            ["ETag"] = response.ETag,
            ["ServerSideEncryption"] = response.ServerSideEncryptionMethod?.Value ?? "AES256",
        };
    }

    private static async Task<JsonObject> ListAsync(Amazon.S3.AmazonS3Client client, string bucket, JsonObject parameters, CancellationToken cancellationToken)
    {
        var request = new ListObjectsV2Request
        {
            BucketName = bucket,
            Prefix = Payloads.Text(parameters["Prefix"]),
            ContinuationToken = Payloads.Text(parameters["ContinuationToken"]),
            StartAfter = Payloads.Text(parameters["StartAfter"]),
        };
        if (parameters["MaxKeys"] is JsonValue maxKeys && maxKeys.TryGetValue<int>(out var max))
        {
            request.MaxKeys = max;
        }

        var response = await client.ListObjectsV2Async(request, cancellationToken).ConfigureAwait(false);
        var output = new JsonObject
        {
            ["Contents"] = new JsonArray([.. (response.S3Objects ?? []).Select(o => (JsonNode)new JsonObject
            {
                ["ETag"] = o.ETag,
                ["Key"] = o.Key,
                ["LastModified"] = S3Access.Timestamp(o.LastModified),
                ["Size"] = o.Size,
                ["StorageClass"] = o.StorageClass?.Value ?? "STANDARD",
            })]),
            ["IsTruncated"] = response.IsTruncated ?? false,
            ["KeyCount"] = response.KeyCount ?? 0,
            ["MaxKeys"] = response.MaxKeys ?? 1000,
            ["Name"] = bucket,
            ["Prefix"] = request.Prefix ?? string.Empty,
        };
        if (response.NextContinuationToken is { } token)
        {
            output["NextContinuationToken"] = token;
        }

        return output;
    }

    private static async Task<JsonObject> DeleteAsync(Amazon.S3.AmazonS3Client client, string bucket, JsonObject parameters, CancellationToken cancellationToken)
    {
        await client.DeleteObjectAsync(new DeleteObjectRequest { BucketName = bucket, Key = Key(parameters) }, cancellationToken).ConfigureAwait(false);
        return [];
    }

    private static string Key(JsonObject parameters) => Payloads.Required(parameters, "Key", "S3.S3Exception", "S3");
}
