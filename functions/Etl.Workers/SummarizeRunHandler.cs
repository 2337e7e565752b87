using System.Text.Json;
using Amazon.S3;
using Amazon.S3.Model;
using Workers.Lambda;

namespace Etl.Workers;

/// <summary>
/// The ETL parent's Summarize state: reads the map run's manifest (<c>ResultFiles.SUCCEEDED</c>/<c>FAILED</c>) and
/// result files from S3 and adds up the succeeded batches' counts. It only reads, so it needs no idempotency.
/// Throws <see cref="InvalidResultManifestException"/> when the manifest or a result file is not what Step
/// Functions writes.
/// </summary>
public sealed class SummarizeRunHandler(IAmazonS3 s3)
{
    /// <summary>Summarizes the run whose manifest <paramref name="input"/> names.</summary>
    /// <exception cref="InvalidResultManifestException">The manifest or a result file is missing or malformed.</exception>
    public async Task<RunSummary> HandleAsync(ResultWriterDetails input, ILambdaContext context)
    {
        if (string.IsNullOrEmpty(input?.Bucket) || string.IsNullOrEmpty(input.Key))
        {
            throw new InvalidResultManifestException("Bucket and Key of the map run's manifest are required");
        }

        using var manifest = await ReadAsync(input.Bucket, input.Key);
        var files = manifest.RootElement.TryGetProperty("ResultFiles", out var resultFiles) && resultFiles.ValueKind == JsonValueKind.Object
            ? resultFiles
            : throw new InvalidResultManifestException($"s3://{input.Bucket}/{input.Key} has no ResultFiles object");

        long read = 0, loaded = 0, rejected = 0;
        foreach (var key in Keys(files, "SUCCEEDED", input))
        {
            using var results = await ReadAsync(input.Bucket, key);
            foreach (var entry in Entries(results, key))
            {
                var output = Parse<LoadBatchResult>(entry, key);
                read += output.Read;
                loaded += output.Loaded;
                rejected += output.Rejected;
            }
        }

        var failed = 0;
        foreach (var key in Keys(files, "FAILED", input))
        {
            using var results = await ReadAsync(input.Bucket, key);
            failed += Entries(results, key).Count();
        }

        return new RunSummary(read, loaded, rejected, failed);
    }

    private async Task<JsonDocument> ReadAsync(string bucket, string key)
    {
        try
        {
            using var response = await s3.GetObjectAsync(new GetObjectRequest { BucketName = bucket, Key = key });
            return await JsonDocument.ParseAsync(response.ResponseStream);
        }
        catch (AmazonS3Exception e) when (e.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            throw new InvalidResultManifestException($"s3://{bucket}/{key} does not exist", e);
        }
        catch (JsonException e)
        {
            throw new InvalidResultManifestException($"s3://{bucket}/{key} is not JSON: {e.Message}", e);
        }
    }

    private static IEnumerable<string> Keys(JsonElement files, string status, ResultWriterDetails input)
    {
        if (!files.TryGetProperty(status, out var list))
        {
            return [];
        }

        if (list.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidResultManifestException($"ResultFiles.{status} in s3://{input.Bucket}/{input.Key} is not an array");
        }

        return list.EnumerateArray()
            .Select(file => file.TryGetProperty("Key", out var key) && key.ValueKind == JsonValueKind.String
                ? key.GetString()!
                : throw new InvalidResultManifestException($"an entry of ResultFiles.{status} has no Key"))
            .ToList();
    }

    private static IEnumerable<JsonElement> Entries(JsonDocument results, string key) =>
        results.RootElement.ValueKind == JsonValueKind.Array
            ? results.RootElement.EnumerateArray()
            : throw new InvalidResultManifestException($"{key} is not an array of child executions");

    private static T Parse<T>(JsonElement entry, string key)
    {
        if (!entry.TryGetProperty("Output", out var output) || output.ValueKind != JsonValueKind.String)
        {
            throw new InvalidResultManifestException($"an entry of {key} has no Output string");
        }

        try
        {
            return (T)(JsonSerializer.Deserialize(output.GetString()!, typeof(T), EtlJson.Default)
                ?? throw new InvalidResultManifestException($"an Output in {key} is null"));
        }
        catch (JsonException e)
        {
            throw new InvalidResultManifestException($"an Output in {key} is not a batch result: {e.Message}", e);
        }
    }
}
