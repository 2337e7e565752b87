using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.S3.Model;
using Asl;

namespace StepFunctions.Integrations;

/// <summary>
/// A Distributed Map ItemReader on S3: <c>s3:getObject</c> with ReaderConfig InputType CSV (CSVHeaderLocation
/// FIRST_ROW or GIVEN with CSVHeaders, CSVDelimiter COMMA|PIPE|SEMICOLON|SPACE|TAB), JSON (an array) or JSONL, and
/// <c>s3:listObjectsV2</c> over a Prefix (items <c>{Etag, Key, LastModified, Size, StorageClass}</c>); MaxItems caps
/// the items. Every failure is States.ItemReaderFailed.
/// </summary>
public sealed class S3ItemReader : IItemReader, IDisposable
{
    /// <summary>AWS's upper bound for MaxItems.</summary>
    public const int MaxItemsLimit = 100_000_000;

    private readonly S3Access _s3;

    /// <summary>A reader on the S3 endpoint of <paramref name="options"/>.</summary>
    public S3ItemReader(IntegrationOptions options)
        : this(new S3Access(options ?? throw new ArgumentNullException(nameof(options))))
    {
    }

    internal S3ItemReader(S3Access s3) => _s3 = s3;

    /// <inheritdoc/>
    public async ValueTask<IReadOnlyList<JsonNode?>> ReadItemsAsync(ItemReaderRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var config = request.ReaderConfig as JsonObject ?? [];
        var arguments = request.Arguments as JsonObject ?? [];
        var maxItems = MaxItems(config);
        var client = _s3.Require(ErrorNames.ItemReaderFailed);
        var bucket = Payloads.Text(arguments["Bucket"]) ?? throw Failed("The ItemReader's Arguments must name a Bucket.");
        try
        {
            return request.Resource switch
            {
                "arn:aws:states:::s3:listObjectsV2" => await ListAsync(client, bucket, Payloads.Text(arguments["Prefix"]), maxItems, cancellationToken).ConfigureAwait(false),
                "arn:aws:states:::s3:getObject" => Items(
                    await GetTextAsync(client, bucket, Payloads.Text(arguments["Key"]) ?? throw Failed("The ItemReader's Arguments must name a Key."), Payloads.Text(arguments["VersionId"]), cancellationToken).ConfigureAwait(false),
                    config,
                    maxItems),
                _ => throw Failed($"The ItemReader resource '{request.Resource}' is not supported; use arn:aws:states:::s3:getObject or arn:aws:states:::s3:listObjectsV2."),
            };
        }
        catch (Exception e) when (S3Access.IsFailure(e))
        {
            throw Failed(S3Access.Describe(e));
        }
    }

    /// <summary>Disposes the S3 client.</summary>
    public void Dispose() => _s3.Dispose();

    private static async Task<string> GetTextAsync(Amazon.S3.AmazonS3Client client, string bucket, string key, string? versionId, CancellationToken cancellationToken)
    {
        using var response = await client.GetObjectAsync(new GetObjectRequest { BucketName = bucket, Key = key, VersionId = versionId }, cancellationToken).ConfigureAwait(false);
        using var reader = new StreamReader(response.ResponseStream, Encoding.UTF8);
        return await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<IReadOnlyList<JsonNode?>> ListAsync(Amazon.S3.AmazonS3Client client, string bucket, string? prefix, int maxItems, CancellationToken cancellationToken)
    {
        var items = new List<JsonNode?>();
        string? token = null;
        do
        {
            var page = await client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket, Prefix = prefix, ContinuationToken = token }, cancellationToken).ConfigureAwait(false);
            foreach (var o in page.S3Objects ?? [])
            {
                if (items.Count == maxItems)
                {
                    return items;
                }

                items.Add(new JsonObject
                {
                    ["Etag"] = o.ETag,
                    ["Key"] = o.Key,
                    ["LastModified"] = new DateTimeOffset((o.LastModified ?? DateTime.UnixEpoch).ToUniversalTime()).ToUnixTimeSeconds(),
                    ["Size"] = o.Size,
                    ["StorageClass"] = o.StorageClass?.Value ?? "STANDARD",
                });
            }

            token = page.IsTruncated == true ? page.NextContinuationToken : null;
        }
        while (token is not null);
        return items;
    }

    private static IReadOnlyList<JsonNode?> Items(string text, JsonObject config, int maxItems)
    {
        var inputType = Payloads.Text(config["InputType"]) ?? "JSON";
        return inputType switch
        {
            "CSV" => Csv(text, config, maxItems),
            "JSON" => Json(text, maxItems),
            "JSONL" => JsonLines(text, maxItems),
            _ => throw Failed($"The InputType '{inputType}' is not supported locally; use CSV, JSON or JSONL."),
        };
    }

    private static List<JsonNode?> Json(string text, int maxItems)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(text);
        }
        catch (JsonException e)
        {
            throw Failed($"The object is not valid JSON: {e.Message}");
        }

        return root is JsonArray array
            ? [.. array.Take(maxItems).Select(item => item?.DeepClone())]
            : throw Failed("Attempting to map over non-iterable node.");
    }

    private static List<JsonNode?> JsonLines(string text, int maxItems)
    {
        var items = new List<JsonNode?>();
        var lineNumber = 0;
        foreach (var line in text.Split('\n'))
        {
            lineNumber++;
            if (items.Count == maxItems)
            {
                break;
            }

            if (line.Trim().Length == 0)
            {
                continue;
            }

            try
            {
                items.Add(JsonNode.Parse(line));
            }
            catch (JsonException e)
            {
                throw Failed($"Line {lineNumber} of the JSONL object is not valid JSON: {e.Message}");
            }
        }

        return items;
    }

    private static List<JsonNode?> Csv(string text, JsonObject config, int maxItems)
    {
        var delimiter = (Payloads.Text(config["CSVDelimiter"]) ?? "COMMA") switch
        {
            "COMMA" => ',',
            "PIPE" => '|',
            "SEMICOLON" => ';',
            "SPACE" => ' ',
            "TAB" => '\t',
            var other => throw Failed($"The CSVDelimiter '{other}' is not one of COMMA, PIPE, SEMICOLON, SPACE, TAB."),
        };
        using var records = CsvRecords.Parse(text.TrimStart('\uFEFF'), delimiter).GetEnumerator();
        List<string> headers;
        switch (Payloads.Text(config["CSVHeaderLocation"]) ?? "FIRST_ROW")
        {
            case "FIRST_ROW":
                headers = records.MoveNext() ? records.Current : [];
                break;
            case "GIVEN":
                headers = config["CSVHeaders"] is JsonArray given && given.All(h => Payloads.Text(h) is not null)
                    ? [.. given.Select(h => Payloads.Text(h)!)]
                    : throw Failed("CSVHeaders must be an array of strings when CSVHeaderLocation is GIVEN.");
                break;
            case var other:
                throw Failed($"The CSVHeaderLocation '{other}' is not one of FIRST_ROW, GIVEN.");
        }

        if (headers.Distinct(StringComparer.Ordinal).Count() != headers.Count)
        {
            throw Failed("CSV headers cannot contain duplicates.");
        }

        var items = new List<JsonNode?>();
        while (items.Count < maxItems && records.MoveNext())
        {
            var fields = records.Current;
            var item = new JsonObject();
            for (var i = 0; i < headers.Count; i++)
            {
                item[headers[i]] = i < fields.Count ? fields[i] : string.Empty;
            }

            items.Add(item);
        }

        return items;
    }

    private static int MaxItems(JsonObject config)
    {
        if (config["MaxItems"] is not { } node)
        {
            return MaxItemsLimit;
        }

        return node is JsonValue value && value.TryGetValue<double>(out var number) && number == Math.Floor(number)
            ? number is > 0 and <= MaxItemsLimit
                ? (int)number
                : throw Failed(number <= 0 ? "field MaxItems must be positive" : string.Create(CultureInfo.InvariantCulture, $"field MaxItems must be at most {MaxItemsLimit}"))
            : throw Failed("field MaxItems must be an integer");
    }

    private static StatesErrorException Failed(string cause) => new(ErrorNames.ItemReaderFailed, cause);
}
