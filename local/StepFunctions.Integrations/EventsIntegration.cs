using System.Text.Json.Nodes;
using Asl;

namespace StepFunctions.Integrations;

/// <summary>
/// <c>events:putEvents</c> (and <c>.waitForTaskToken</c>): to an EventBridge endpoint when set, else onto the
/// in-process <see cref="LocalEventBus"/>. Output <c>{Entries:[{EventId}], FailedEntryCount, SdkHttpMetadata,
/// SdkResponseMetadata}</c>; a response with failed entries fails the task with <c>EventBridge.FailedEntry</c>.
/// </summary>
internal sealed class EventsIntegration(AwsHttp http, LocalEventBus bus) : ITaskHandler
{
    private const string Service = "EventBridge";

    public async ValueTask<TaskHandlerResult> InvokeAsync(TaskInvocation invocation, CancellationToken cancellationToken)
    {
        if (invocation.Resource.Action != "putEvents")
        {
            throw SqsIntegration.Unsupported(invocation);
        }

        var parameters = Payloads.Object(invocation.Parameters, Service);
        if (parameters["Entries"] is not JsonArray { Count: > 0 and <= 10 } entries)
        {
            throw new StatesErrorException(
                $"{Service}.AmazonEventBridgeException",
                ServiceErrors.JavaV1Cause("Entries must be an array of 1 to 10 events.", "AmazonEventBridge", 400, "ValidationException", Guid.NewGuid().ToString()));
        }

        var requestEntries = new JsonArray();
        foreach (var entry in entries)
        {
            var copy = entry?.DeepClone() as JsonObject ?? [];
            copy["Detail"] = Payloads.StringOrJson(copy["Detail"]);
            // Step Functions lists the execution among the event's resources.
            var resources = copy["Resources"] as JsonArray ?? [];
            resources.Add(invocation.ExecutionArn);
            copy["Resources"] = resources;
            requestEntries.Add(copy);
        }

        var output = http.Options.EventBridgeEndpoint is { } endpoint
            ? await PutRemoteAsync(endpoint, requestEntries, cancellationToken).ConfigureAwait(false)
            : PutLocal(requestEntries, invocation.Clock.UtcNow);
        if (output["FailedEntryCount"]?.GetValue<int>() is > 0)
        {
            throw new StatesErrorException($"{Service}.FailedEntry", output.ToJsonString());
        }

        return Payloads.Result(invocation, output);
    }

    private JsonObject PutLocal(JsonArray entries, DateTimeOffset now)
    {
        var results = new JsonArray();
        var failed = 0;
        foreach (var entry in entries.Cast<JsonObject>())
        {
            var source = Payloads.Text(entry["Source"]);
            var detailType = Payloads.Text(entry["DetailType"]);
            var detail = Payloads.Text(entry["Detail"]);
            if (string.IsNullOrEmpty(source) || string.IsNullOrEmpty(detailType) || string.IsNullOrEmpty(detail) || !Payloads.TryParse(System.Text.Encoding.UTF8.GetBytes(detail), out var parsed) || parsed is not JsonObject)
            {
                failed++;
                results.Add(new JsonObject
                {
                    ["ErrorCode"] = "InvalidArgument",
                    ["ErrorMessage"] = string.IsNullOrEmpty(detail) || string.IsNullOrEmpty(source) || string.IsNullOrEmpty(detailType)
                        ? "Parameters Source, DetailType and Detail are required."
                        : "Detail is malformed.",
                });
                continue;
            }

            var eventId = Guid.NewGuid().ToString();
            var resources = (entry["Resources"] as JsonArray ?? []).Select(Payloads.Text).OfType<string>().ToList();
            bus.Put(new LocalEvent(eventId, Payloads.Text(entry["EventBusName"]) ?? "default", source, detailType, detail, resources, now));
            results.Add(new JsonObject { ["EventId"] = eventId });
        }

        var requestId = Guid.NewGuid().ToString();
        var output = new JsonObject { ["Entries"] = results, ["FailedEntryCount"] = failed };
        Payloads.AddSdkMetadata(output, 200, Payloads.LocalHeaders(requestId, "application/x-amz-json-1.1", 85, now), requestId);
        return output;
    }

    private async Task<JsonObject> PutRemoteAsync(Uri endpoint, JsonArray entries, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["Entries"] = entries }.ToJsonString();
        var response = await http.CallAsync(
            AwsHttp.JsonRequest(endpoint, "AWSEvents.PutEvents", "application/x-amz-json-1.1", body),
            "events",
            Service,
            r => new StatesErrorException(
                $"{Service}.AmazonEventBridgeException",
                ServiceErrors.JavaV1Cause(r.ErrorMessage(), "AmazonEventBridge", r.StatusCode, r.ErrorCode(), r.RequestId)),
            cancellationToken).ConfigureAwait(false);

        var output = response.Json() as JsonObject ?? [];
        Payloads.AddSdkMetadata(output, response.StatusCode, response.Headers, response.RequestId);
        return output;
    }
}
