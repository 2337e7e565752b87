using System.Text.Json.Nodes;
using Amazon.S3.Model;
using StepFunctions.Integrations;

namespace Local.Tests.Integrations;

/// <summary>The Distributed Map's S3 ItemReader and ResultWriter, and aws-sdk:s3 tasks, through the engine against s3rver.</summary>
public sealed class S3IntegrationTests(StandInsFixture standIns) : IClassFixture<StandInsFixture>, IDisposable
{
    private const string PassThrough = """{"P":{"Type":"Pass","End":true}}""";

    private readonly IntegrationHarness _harness = new(standIns.Options);

    [Fact]
    public async Task ItemReader_CsvWithFirstRowHeaders_MapsEachRowToAnObject()
    {
        await PutAsync("rows.csv", "id,name\n1,\"Smith, Jane\"\n2,Bo\n");

        var execution = await _harness.RunAsync(DistributedMap("""{"Resource":"arn:aws:states:::s3:getObject","ReaderConfig":{"InputType":"CSV","CSVHeaderLocation":"FIRST_ROW"},"Parameters":{"Bucket":"data","Key":"rows.csv"}}"""));

        Assert.Equal("""[{"id":"1","name":"Smith, Jane"},{"id":"2","name":"Bo"}]""", IntegrationHarness.Output(execution).ToJsonString());
    }

    [Fact]
    public async Task ItemReader_CsvWithGivenHeadersPipeDelimiterAndMaxItems_ReadsTheFirstRows()
    {
        await PutAsync("rows.psv", "a|b\nc|d\ne|f\n");

        var execution = await _harness.RunAsync(DistributedMap("""{"Resource":"arn:aws:states:::s3:getObject","ReaderConfig":{"InputType":"CSV","CSVHeaderLocation":"GIVEN","CSVHeaders":["x","y"],"CSVDelimiter":"PIPE","MaxItems":2},"Parameters":{"Bucket":"data","Key":"rows.psv"}}"""));

        Assert.Equal("""[{"x":"a","y":"b"},{"x":"c","y":"d"}]""", IntegrationHarness.Output(execution).ToJsonString());
    }

    [Fact]
    public async Task ItemReader_CsvWithDuplicateHeaders_FailsWithItemReaderFailed()
    {
        await PutAsync("dup.csv", "a,a\n1,2\n");

        var execution = await _harness.RunAsync(DistributedMap("""{"Resource":"arn:aws:states:::s3:getObject","ReaderConfig":{"InputType":"CSV","CSVHeaderLocation":"FIRST_ROW"},"Parameters":{"Bucket":"data","Key":"dup.csv"}}"""));

        Assert.Equal(("States.ItemReaderFailed", "CSV headers cannot contain duplicates."), (execution.Error, execution.Cause));
    }

    [Fact]
    public async Task ItemReader_JsonArray_MapsEachElement()
    {
        await PutAsync("items.json", """[{"n":1},{"n":2}]""");

        var execution = await _harness.RunAsync(DistributedMap("""{"Resource":"arn:aws:states:::s3:getObject","ReaderConfig":{"InputType":"JSON"},"Parameters":{"Bucket":"data","Key":"items.json"}}"""));

        Assert.Equal("""[{"n":1},{"n":2}]""", IntegrationHarness.Output(execution).ToJsonString());
    }

    [Fact]
    public async Task ItemReader_JsonObjectNotArray_FailsWithNonIterableCause()
    {
        await PutAsync("object.json", """{"n":1}""");

        var execution = await _harness.RunAsync(DistributedMap("""{"Resource":"arn:aws:states:::s3:getObject","ReaderConfig":{"InputType":"JSON"},"Parameters":{"Bucket":"data","Key":"object.json"}}"""));

        Assert.Equal(("States.ItemReaderFailed", "Attempting to map over non-iterable node."), (execution.Error, execution.Cause));
    }

    [Fact]
    public async Task ItemReader_JsonLines_MapsEachLine()
    {
        await PutAsync("items.jsonl", "{\"n\":1}\n{\"n\":2}\n\n{\"n\":3}\n");

        var execution = await _harness.RunAsync(DistributedMap("""{"Resource":"arn:aws:states:::s3:getObject","ReaderConfig":{"InputType":"JSONL"},"Parameters":{"Bucket":"data","Key":"items.jsonl"}}"""));

        Assert.Equal("""[{"n":1},{"n":2},{"n":3}]""", IntegrationHarness.Output(execution).ToJsonString());
    }

    [Fact]
    public async Task ItemReader_ListObjectsV2WithPrefix_MapsEachObject()
    {
        await PutAsync("listing/a.txt", "aa");
        await PutAsync("listing/b.txt", "bbb");
        await PutAsync("elsewhere.txt", "c");

        var execution = await _harness.RunAsync(DistributedMap(
            """{"Resource":"arn:aws:states:::s3:listObjectsV2","Parameters":{"Bucket":"data","Prefix":"listing/"}}""",
            """{"P":{"Type":"Pass","Parameters":{"key.$":"$.Key","size.$":"$.Size"},"End":true}}"""));

        Assert.Equal("""[{"key":"listing/a.txt","size":2},{"key":"listing/b.txt","size":3}]""", IntegrationHarness.Output(execution).ToJsonString());
    }

    [Fact]
    public async Task ItemReader_MissingKey_FailsWithItemReaderFailed()
    {
        var execution = await _harness.RunAsync(DistributedMap("""{"Resource":"arn:aws:states:::s3:getObject","ReaderConfig":{"InputType":"JSON"},"Parameters":{"Bucket":"data","Key":"absent.json"}}"""));

        Assert.Equal("States.ItemReaderFailed", execution.Error);
        Assert.Contains("(Service: S3, Status Code: 404, Request ID: ", execution.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResultWriter_PutObject_WritesManifestAndSucceededFile()
    {
        var execution = await _harness.RunAsync("""
            {"StartAt":"M","States":{"M":{"Type":"Map","ItemsPath":"$.items",
              "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},
              "ResultWriter":{"Resource":"arn:aws:states:::s3:putObject","Parameters":{"Bucket":"data","Prefix":"results"}},"End":true}}}
            """, """{"items":[1,2]}""");

        var output = IntegrationHarness.Output(execution);
        var manifestKey = output["ResultWriterDetails"]!["Key"]!.GetValue<string>();
        var manifest = JsonNode.Parse(await ReadAsync(manifestKey))!;
        var succeededKey = manifest["ResultFiles"]!["SUCCEEDED"]![0]!["Key"]!.GetValue<string>();
        var succeeded = JsonNode.Parse(await ReadAsync(succeededKey))!.AsArray();
        Assert.Equal(("data", output["MapRunArn"]!.GetValue<string>()), (manifest["DestinationBucket"]!.GetValue<string>(), manifest["MapRunArn"]!.GetValue<string>()));
        Assert.Matches("^results/[^/]+/manifest.json$", manifestKey);
        Assert.Equal(["1", "2"], succeeded.Select(e => e!["Output"]!.GetValue<string>()));
        Assert.Equal("SUCCEEDED", succeeded[0]!["Status"]!.GetValue<string>());
    }

    [Fact]
    public async Task AwsSdkPutObjectThenGetObject_RoundTripsTheBody()
    {
        var execution = await _harness.RunAsync("""
            {"StartAt":"Put","States":{
              "Put":{"Type":"Task","Resource":"arn:aws:states:::aws-sdk:s3:putObject","Parameters":{"Bucket":"data","Key":"docs/note.json","Body":{"hello":"world"}},"ResultPath":"$.put","Next":"Get"},
              "Get":{"Type":"Task","Resource":"arn:aws:states:::aws-sdk:s3:getObject","Parameters":{"Bucket":"data","Key":"docs/note.json"},"End":true}}}
            """);

        var output = IntegrationHarness.Output(execution);
        Assert.Equal(("""{"hello":"world"}""", 17L), (output["Body"]!.GetValue<string>(), output["ContentLength"]!.GetValue<long>()));
        Assert.Equal(("aws-sdk:s3", "putObject"), IntegrationHarness.Scheduled(execution));
    }

    [Fact]
    public async Task AwsSdkGetObject_MissingKey_FailsWithNoSuchKeyException()
    {
        var execution = await _harness.RunAsync(IntegrationHarness.Task("arn:aws:states:::aws-sdk:s3:getObject", """{"Bucket":"data","Key":"nowhere.txt"}"""));

        Assert.Equal("S3.NoSuchKeyException", execution.Error);
        Assert.Contains("(Service: S3, Status Code: 404, Request ID: ", execution.Cause, StringComparison.Ordinal);
    }

    public void Dispose() => _harness.Dispose();

    private static string DistributedMap(string itemReader, string processorStates = PassThrough) =>
        """{"StartAt":"M","States":{"M":{"Type":"Map","ItemReader":""" + itemReader
        + ""","ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},"StartAt":"P","States":""" + processorStates
        + """},"End":true}}}""";

    private Task PutAsync(string key, string body) =>
        standIns.S3.PutObjectAsync(new PutObjectRequest { BucketName = StandInsFixture.Bucket, Key = key, ContentBody = body, UseChunkEncoding = false });

    private async Task<string> ReadAsync(string key)
    {
        using var response = await standIns.S3.GetObjectAsync(StandInsFixture.Bucket, key);
        using var reader = new StreamReader(response.ResponseStream);
        return await reader.ReadToEndAsync();
    }
}
