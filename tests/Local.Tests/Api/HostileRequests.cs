using System.Net.Http.Headers;
using System.Text;

namespace Local.Tests.Api;

/// <summary>
/// Generates bad Step Functions API requests from a seed: malformed and non-object JSON, wrong member types, unknown
/// operations and members, oversized bodies, bad ARNs, names, page tokens and task tokens. Each one is wrong in a way
/// AWS answers with a 4xx error document, never with success.
/// </summary>
internal sealed class HostileRequests(int seed)
{
    private const string Prefix = "AWSStepFunctions.";
    private const string Machine = "arn:aws:states:us-east-1:123456789012:stateMachine:orders";

    private static readonly string[] RequiredArnOperations =
        ["DescribeStateMachine", "DescribeExecution", "StopExecution", "GetExecutionHistory", "DescribeStateMachineForExecution", "StartExecution", "ListTagsForResource", "DescribeMapRun", "ListMapRuns"];

    private static readonly string[] Garbage = ["{", "}", "[1,2", "{\"a\":}", "nul", "{\"name\":\"x\",}", "\u0000", "{'a':1}", "{\"a\":1}}", "tru"];

    private readonly Random _random = new(seed);

    /// <summary>A short label of what the request is, for failure messages.</summary>
    public HttpRequestMessage Next(Uri endpoint, out string label)
    {
        var kind = _random.Next(100) == 0 ? 12 : _random.Next(12);
        (label, var target, var body) = kind switch
        {
            0 => ("malformed JSON", Op("CreateStateMachine"), Bytes(Pick(Garbage) + RandomText(_random.Next(0, 40)))),
            1 => ("non-object JSON", Op("ListStateMachines"), Bytes(Pick(["[]", "\"text\"", "42", "null", "true", "[{}]"]))),
            2 => ("wrong member type", Op("CreateStateMachine"), Bytes(Pick([
                """{"name":5,"definition":"{}","roleArn":"r"}""",
                """{"name":"a","definition":{"StartAt":"A"},"roleArn":"r"}""",
                """{"name":"a","definition":"{}","roleArn":["r"]}""",
                """{"name":"a","definition":"{}","roleArn":"r","tags":"x"}""",
                """{"name":"a","definition":"{}","roleArn":"r","tags":[1]}""",
                """{"name":"a","definition":"{}","roleArn":"r","type":true}""",
                """{"name":"a","definition":"{}","roleArn":"r","loggingConfiguration":"ALL"}""",
            ]))),
            3 => ("wrong paging type", Op("ListExecutions"), Bytes(Pick([
                $$"""{"stateMachineArn":"{{Machine}}","maxResults":"10"}""",
                $$"""{"stateMachineArn":"{{Machine}}","maxResults":1.5}""",
                $$"""{"stateMachineArn":"{{Machine}}","maxResults":-1}""",
                $$"""{"stateMachineArn":"{{Machine}}","maxResults":99999999999}""",
                $$"""{"stateMachineArn":"{{Machine}}","statusFilter":"DONE"}""",
                $$"""{"stateMachineArn":"{{Machine}}","nextToken":"{{RandomText(30)}}"}""",
            ]))),
            4 => ("unknown operation", Pick([Prefix + RandomText(12), "AWSStepFunctions", "DynamoDB_20120810.GetItem", string.Empty, Prefix + "createStateMachine", Prefix + "StartExecution2"]), Bytes("{}")),
            5 => ("unknown members only", Op(Pick(RequiredArnOperations)), Bytes($$"""{"{{RandomText(8)}}":{{_random.Next()}},"unknown":{"nested":[1,2,3]} }""")),
            6 => ("bad ARN", Op(Pick(RequiredArnOperations)), Bytes(Pick([
                $$"""{"stateMachineArn":"{{RandomText(20)}}","executionArn":"{{RandomText(20)}}","resourceArn":"x","mapRunArn":"y"}""",
                """{"stateMachineArn":"arn:aws:states:us-east-1:123456789012:activity:a","executionArn":"arn:aws:states:us-east-1:123456789012:express:a:b:c","resourceArn":"arn:aws:states:us-east-1:1:execution:a:b","mapRunArn":"arn:aws:states:us-east-1:1:stateMachine:m","executionArnX":1}""",
                $$"""{"stateMachineArn":"arn:aws:states:us-east-1:123456789012:stateMachine:{{new string('m', 300)}}","executionArn":"arn:{{new string('e', 300)}}","resourceArn":"","mapRunArn":""}""",
            ]))),
            7 => ("bad task token", Op(Pick(["SendTaskSuccess", "SendTaskFailure", "SendTaskHeartbeat"])), Bytes(Pick([
                $$"""{"taskToken":"{{RandomText(43)}}","output":"{}"}""",
                $$"""{"taskToken":"{{new string('t', 3000)}}","output":"{}"}""",
                """{"taskToken":"","output":"{}"}""",
                """{"output":"{}"}""",
                $$"""{"taskToken":"{{RandomText(43)}}","output":"{not json","error":"{{new string('e', 300)}}"}""",
            ]))),
            8 => ("bad name", Op("StartExecution"), Bytes($$"""{"stateMachineArn":"{{Machine}}","name":"{{Pick(["a b", "x/y", "a:b", "#case", new string('n', 81), "tab\\t", "uni\\u0001"])}}"}""")),
            9 => ("invalid definition", Op("CreateStateMachine"), Bytes(
                $$"""{"name":"bad{{_random.Next(1000)}}","roleArn":"arn:aws:iam::123456789012:role/r","definition":"""
                + System.Text.Json.JsonSerializer.Serialize(Pick(["{}", "[", new string('[', 5000), "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Bogus\"}}}", RandomText(50)]))
                + "}")),
            10 => ("deep nesting", Op("StartExecution"), Bytes(new string('[', 100_000))),
            11 => ("invalid UTF-8", Op("StartExecution"), [.. Bytes("{\"stateMachineArn\":\""), 0xC3, 0x28, 0xFF, .. Bytes("\"}")]),
            _ => ("oversized body", Op("StartExecution"), Bytes($$"""{"stateMachineArn":"{{Machine}}","input":"{{new string('x', 1_100_000)}}"}""")),
        };
        var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-amz-json-1.0");
        if (target.Length > 0)
        {
            request.Headers.TryAddWithoutValidation("X-Amz-Target", target);
        }

        return request;
    }

    private static string Op(string name) => Prefix + name;

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private string RandomText(int length)
    {
        const string Alphabet = "abcXYZ019:-_/#*$ ";
        return string.Create(length, _random, (span, random) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = Alphabet[random.Next(Alphabet.Length)];
            }
        });
    }
}
