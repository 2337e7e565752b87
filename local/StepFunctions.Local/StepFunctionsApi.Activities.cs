using System.Collections.Concurrent;
using System.Text.Json;
using Asl;

namespace StepFunctions.Local;

/// <content>
/// CreateActivity, DescribeActivity, ListActivities, DeleteActivity, GetActivityTask. Task states on an activity ARN
/// run through <see cref="ActivityTaskHandler"/>; a worker's GetActivityTask takes the next one, and its
/// SendTaskSuccess/Failure/Heartbeat answer it.
/// </content>
public sealed partial class StepFunctionsApi
{
    private readonly ConcurrentDictionary<string, ActivityEntry> _activities = new(StringComparer.Ordinal);

    /// <summary>How long GetActivityTask waits for a task before answering with none (AWS: 60 seconds).</summary>
    public TimeSpan ActivityPollTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The handler running activity tasks, wrapping the configured task handler.</summary>
    public ActivityTaskHandler ActivityTasks { get; }

    private void CreateActivity(ApiRequest request, Utf8JsonWriter writer)
    {
        var name = request.Name("name", required: true);
        ReadTags(request, "tags");
        request.Object("encryptionConfiguration");
        request.ThrowIfInvalid();
        var arn = $"arn:aws:states:{Options.Region}:{Options.AccountId}:activity:{name}";

        ActivityEntry entry;
        lock (_writeGate)
        {
            // CreateActivity is idempotent on the name: a second call answers with the activity already there.
            entry = _activities.GetOrAdd(arn, static (key, state) => new ActivityEntry(key, state.Name, state.Now), (Name: name!, Now: Engine.Clock.UtcNow));
            if (ActivityTasks.Add(arn))
            {
                _store?.Save(entry);
            }
        }

        writer.WriteString("activityArn", entry.Arn);
        writer.WriteDate("creationDate", entry.CreationDate);
    }

    private void DescribeActivity(ApiRequest request, Utf8JsonWriter writer)
    {
        WriteActivity(writer, FindActivity(RequiredActivityArn(request)));
    }

    private void ListActivities(ApiRequest request, Utf8JsonWriter writer)
    {
        var pageSize = Paging.PageSize(request.Integer("maxResults", 0, 1000));
        var token = request.String("nextToken", 1, 1024);
        request.ThrowIfInvalid();
        var all = _activities.Values.OrderBy(a => a.CreationDate).ThenBy(a => a.Name, StringComparer.Ordinal).ToList();
        Paging.WritePage(writer, "activities", all, token, "activities", pageSize, WriteActivity);
    }

    /// <summary>An activity as DescribeActivity and ListActivities name it.</summary>
    private static void WriteActivity(Utf8JsonWriter writer, ActivityEntry entry)
    {
        writer.WriteString("activityArn", entry.Arn);
        writer.WriteString("name", entry.Name);
        writer.WriteDate("creationDate", entry.CreationDate);
    }

    private void DeleteActivity(ApiRequest request, Utf8JsonWriter writer)
    {
        var arn = RequiredActivityArn(request);

        lock (_writeGate)
        {
            // Like the other deletes, removing an activity that is not there succeeds.
            _activities.TryRemove(arn, out _);
            ActivityTasks.Remove(arn);
            _store?.DeleteActivity(arn);
        }
    }

    private async ValueTask GetActivityTaskAsync(ApiRequest request, Utf8JsonWriter writer, CancellationToken cancellationToken)
    {
        var arn = request.String("activityArn", 1, 256, required: true);
        var workerName = request.String("workerName", 1, 80);
        request.ThrowIfInvalid();
        RequireActivityArn(arn!);
        FindActivity(arn!);
        ActivityTask? task;
        try
        {
            task = await ActivityTasks.PollAsync(arn!, workerName, ActivityPollTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (KeyNotFoundException)
        {
            throw ActivityMissing(arn!);
        }

        // No task within the poll: AWS answers 200 with no token, and the worker polls again.
        if (task is not null)
        {
            writer.WriteString("taskToken", task.TaskToken);
            writer.WriteString("input", task.Input);
        }
    }

    private ActivityEntry FindActivity(string arn) =>
        _activities.TryGetValue(arn, out var entry) ? entry : throw ActivityMissing(arn);

    private static ApiException ActivityMissing(string arn) => new("ActivityDoesNotExist", $"Activity Does Not Exist: '{arn}'");

    private static string RequiredActivityArn(ApiRequest request)
    {
        var arn = request.String("activityArn", 1, 256, required: true);
        request.ThrowIfInvalid();
        RequireActivityArn(arn!);
        return arn!;
    }

    private static void RequireActivityArn(string arn)
    {
        var type = Arns.ResourceType(arn);
        if (type != "activity")
        {
            throw ApiException.InvalidArn($"Resource type not valid in this context: {type}");
        }
    }
}
