using System.Text.Json;
using Asl;

namespace StepFunctions.Local;

/// <content>TagResource, UntagResource, ListTagsForResource, DescribeMapRun, ListMapRuns.</content>
public sealed partial class StepFunctionsApi
{
    private const int MaxTags = 50;

    private void TagResource(ApiRequest request, Utf8JsonWriter writer)
    {
        var arn = request.String("resourceArn", 1, 256, required: true);
        var tags = ReadTags(request, "tags", required: true);
        request.ThrowIfInvalid();
        var entry = FindTaggable(arn!);
        if (entry.Tags.Keys.Union(tags.Select(t => t.Key), StringComparer.Ordinal).Count() > MaxTags)
        {
            throw new ApiException("TooManyTags", $"Too many tags: the resource '{arn}' can have at most {MaxTags} tags");
        }

        foreach (var (key, value) in tags)
        {
            entry.Tags[key] = value;
        }
    }

    private void UntagResource(ApiRequest request, Utf8JsonWriter writer)
    {
        var arn = request.String("resourceArn", 1, 256, required: true);
        var keys = request.Array("tagKeys", required: true);
        var names = keys is { } list ? list.EnumerateArray().Select(k => k.ValueKind == JsonValueKind.String ? ApiRequest.Text(k, "tagKeys") : throw ApiException.Serialization("The member 'tagKeys' must be an array of strings.")).ToList() : [];
        request.ThrowIfInvalid();
        var entry = FindTaggable(arn!);
        foreach (var key in names)
        {
            entry.Tags.TryRemove(key, out _);
        }
    }

    private void ListTagsForResource(ApiRequest request, Utf8JsonWriter writer)
    {
        var arn = request.String("resourceArn", 1, 256, required: true);
        request.ThrowIfInvalid();
        var entry = FindTaggable(arn!);
        writer.WriteStartArray("tags");
        foreach (var (key, value) in entry.Tags.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            writer.WriteStartObject();
            writer.WriteString("key", key);
            writer.WriteString("value", value);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private void DescribeMapRun(ApiRequest request, Utf8JsonWriter writer)
    {
        var arn = request.String("mapRunArn", 1, 2000, required: true);
        request.ThrowIfInvalid();
        Arns.RequireMapRun(arn!);
        var run = Engine.FindMapRun(arn!) ?? throw MapRunMissing(arn!);
        writer.WriteString("mapRunArn", run.Arn);
        writer.WriteString("executionArn", run.ExecutionArn);
        writer.WriteString("status", run.Status);
        writer.WriteDate("startDate", run.StartDate);
        if (run.StopDate is { } stopped)
        {
            writer.WriteDate("stopDate", stopped);
        }

        writer.WriteNumber("maxConcurrency", run.MaxConcurrency);
        writer.WriteNumber("toleratedFailurePercentage", run.ToleratedFailurePercentage);
        writer.WriteNumber("toleratedFailureCount", run.ToleratedFailureCount);
        WriteCounts(writer, "itemCounts", run, run.ResultsWritten);
        WriteCounts(writer, "executionCounts", run, run.ResultsWritten);
        writer.WriteNumber("redriveCount", 0);
    }

    private void ListMapRuns(ApiRequest request, Utf8JsonWriter writer)
    {
        var arn = request.String("executionArn", 1, 256, required: true);
        var pageSize = Paging.PageSize(request.Integer("maxResults", 0, 1000));
        var token = request.String("nextToken", 1, 1024);
        request.ThrowIfInvalid();
        var execution = FindExecution(arn!);
        var runs = execution.History.Snapshot()
            .Select(e => e.Details)
            .OfType<MapRunStartedDetails>()
            .Select(d => Engine.FindMapRun(d.MapRunArn))
            .OfType<MapRun>()
            .ToList();
        var scope = "mapRuns:" + execution.Arn;
        var machineArn = execution.StateMachine.Arn;
        Paging.WritePage(writer, "mapRuns", runs, token, scope, pageSize, (item, run) =>
        {
            item.WriteString("executionArn", run.ExecutionArn);
            item.WriteString("mapRunArn", run.Arn);
            item.WriteString("stateMachineArn", machineArn);
            item.WriteDate("startDate", run.StartDate);
            if (run.StopDate is { } stopped)
            {
                item.WriteDate("stopDate", stopped);
            }
        });
    }

    private static void WriteCounts(Utf8JsonWriter writer, string name, MapRun run, int resultsWritten)
    {
        writer.WriteStartObject(name);
        writer.WriteNumber("pending", run.Pending);
        writer.WriteNumber("running", run.Running);
        writer.WriteNumber("succeeded", run.Succeeded);
        writer.WriteNumber("failed", run.Failed);
        writer.WriteNumber("timedOut", run.TimedOut);
        writer.WriteNumber("aborted", run.Aborted);
        writer.WriteNumber("total", run.Total);
        writer.WriteNumber("resultsWritten", resultsWritten);
        writer.WriteEndObject();
    }

    private StateMachineEntry FindTaggable(string arn)
    {
        var type = Arns.ResourceType(arn);
        return type == "stateMachine" && _stateMachines.TryGetValue(arn, out var entry)
            ? entry
            : throw new ApiException("ResourceNotFound", $"Resource not found: '{arn}'");
    }

    private static List<KeyValuePair<string, string>> ReadTags(ApiRequest request, string member, bool required = false)
    {
        if (request.Array(member, required) is not { } array)
        {
            return [];
        }

        var tags = new List<KeyValuePair<string, string>>();
        foreach (var tag in array.EnumerateArray())
        {
            if (tag.ValueKind != JsonValueKind.Object
                || !tag.TryGetProperty("key", out var key) || key.ValueKind != JsonValueKind.String
                || (tag.TryGetProperty("value", out var value) && value.ValueKind != JsonValueKind.String))
            {
                throw ApiException.Serialization($"The member '{member}' must be an array of {{\"key\": string, \"value\": string}} objects.");
            }

            var keyText = ApiRequest.Text(key, member);
            var valueText = tag.TryGetProperty("value", out var present) ? ApiRequest.Text(present, member) : string.Empty;
            if (keyText.Length is 0 or > 128)
            {
                request.Violate($"{member}.member.key", keyText, "Member must have length between 1 and 128");
            }

            if (valueText.Length > 256)
            {
                request.Violate($"{member}.member.value", valueText, "Member must have length less than or equal to 256");
            }

            tags.Add(new(keyText, valueText));
        }

        return tags;
    }
}
