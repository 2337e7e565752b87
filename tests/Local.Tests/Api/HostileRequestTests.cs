using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Asl;

namespace Local.Tests.Api;

/// <summary>A flood of generated bad requests: every one answered with an AWS-shaped 4xx, nothing else disturbed.</summary>
public sealed class HostileRequestTests
{
    private const int RequestCount = 10_000;

    [Fact]
    public async Task Server_TenThousandBadRequests_EveryAnswerAwsShaped4xxAndGoodExecutionsUnharmed()
    {
        await using var server = await TestServer.StartAsync();
        var callbackMachine = await server.CreateStateMachineAsync("orders", Definitions.Callback);
        var chainMachine = await server.CreateStateMachineAsync("chain", Definitions.PassChain);
        var waiting = await server.StartExecutionAsync(callbackMachine, "in-flight", """{"order":7}""");
        var token = await server.NextTaskTokenAsync();
        var generator = new HostileRequests(seed: 20261121);
        var requests = Enumerable.Range(0, RequestCount).Select(_ => generator.Next(server.Server.Endpoint, out var label) is var request ? (request, label) : default).ToList();
        using var client = new HttpClient();
        var wrong = new ConcurrentQueue<string>();

        await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (item, cancellationToken) =>
        {
            using var response = await client.SendAsync(item.request, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!IsAwsError((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, body))
            {
                wrong.Enqueue($"{item.label}: {(int)response.StatusCode} {body[..Math.Min(body.Length, 200)]}");
            }
        });
        await server.CallAsync("SendTaskSuccess", new JsonObject { ["taskToken"] = token, ["output"] = """{"approved":true}""" });
        var callback = await server.CompletedAsync(waiting);
        var chain = await server.CompletedAsync(await server.StartExecutionAsync(chainMachine, "after-flood", """{"n":1}"""));

        Assert.Empty(wrong.Take(5));
        Assert.Equal("""{"order":7,"approval":{"approved":true}}""", callback.Output!.ToJsonString());
        Assert.Equal(ExecutionStatus.Succeeded, chain.Status);
        Assert.Equal("""{"n":1,"first":"one","second":"two","third":"three"}""", chain.Output!.ToJsonString());
        Assert.Equal(2, server.Server.Api.Engine.ListExecutions(callbackMachine).Count + server.Server.Api.Engine.ListExecutions(chainMachine).Count);
    }

    private static bool IsAwsError(int status, string? mediaType, string body)
    {
        try
        {
            return status is >= 400 and < 500
                && mediaType == "application/x-amz-json-1.0"
                && JsonNode.Parse(body) is JsonObject error
                && error["__type"]?.GetValueKind() == JsonValueKind.String
                && error["message"]?.GetValueKind() == JsonValueKind.String;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
