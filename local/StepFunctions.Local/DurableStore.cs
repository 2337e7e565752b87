using System.Buffers;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Asl;

namespace StepFunctions.Local;

/// <summary>
/// The on-disk state behind <c>--data DIR</c>, under <c>DIR/stepfunctions</c>:
/// <list type="bullet">
/// <item><c>statemachines/&lt;digest&gt;.json</c>, one per state machine: identity, tags, the current revision, its
/// published <c>versions</c> (each with the revision it was published from, so it keeps its definition whatever later
/// updates do), its <c>aliases</c> (routing and dates) and <c>lastVersionNumber</c>, the highest version number ever
/// issued, so a deleted version's number is never reused.</item>
/// <item><c>activities/&lt;digest&gt;.json</c>, one per activity: ARN, name, creation date.</item>
/// <item><c>executions/&lt;digest&gt;.jsonl</c>, one JSON-lines log per STANDARD execution: a header line (the machine,
/// the revision it ran, and the version and alias it was started through), then its history events and task tokens
/// as they happen.</item>
/// </list>
/// The digest is of the ARN; dates are epoch milliseconds. Every <c>.json</c> file is written whole to a temporary
/// file and renamed over the old one, so a kill mid-write leaves either the old or the new file, never half of one;
/// temporary files a kill left behind are removed at load. A file that still cannot be read (edited by hand, or not
/// ours) is skipped with a warning on standard error rather than failing start-up. EXPRESS executions and Map Run
/// children are not kept, as AWS keeps no history for them either.
/// </summary>
internal sealed class DurableStore : IExecutionJournal
{
    private const string TemporarySuffix = ".tmp";
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly ConcurrentDictionary<string, ExecutionLog> _open = new(StringComparer.Ordinal);
    private readonly Func<Execution, StateMachineRevision?> _revisionOf;
    private readonly Func<Execution, ExecutionSource?> _sourceOf;

    public DurableStore(string directory, Func<Execution, StateMachineRevision?> revisionOf, Func<Execution, ExecutionSource?> sourceOf)
    {
        Root = Path.Combine(Path.GetFullPath(directory), "stepfunctions");
        StateMachines = Path.Combine(Root, "statemachines");
        Activities = Path.Combine(Root, "activities");
        Executions = Path.Combine(Root, "executions");
        Directory.CreateDirectory(StateMachines);
        Directory.CreateDirectory(Activities);
        Directory.CreateDirectory(Executions);
        _revisionOf = revisionOf;
        _sourceOf = sourceOf;
    }

    public string Root { get; }

    private string StateMachines { get; }

    private string Activities { get; }

    private string Executions { get; }

    public void Open(Execution execution)
    {
        var path = ExecutionPath(execution.Arn);
        var header = File.Exists(path) ? null : Header(execution);
        _open[execution.Arn] = new ExecutionLog(path, header, execution);
    }

    public void TokenIssued(Execution execution, string taskToken)
    {
        if (_open.TryGetValue(execution.Arn, out var log))
        {
            log.WriteLine(Json(w => w.WriteString("token", taskToken)));
        }
    }

    public void Close(Execution execution)
    {
        if (_open.TryRemove(execution.Arn, out var log))
        {
            log.Dispose();
        }
    }

    /// <summary>
    /// Writes a state machine's file (identity, tags, current revision, versions, aliases, the last version number
    /// issued), replacing the old one atomically. Callers serialize saves of one machine.
    /// </summary>
    public void Save(StateMachineEntry entry, IEnumerable<StateMachineVersion> versions, IEnumerable<StateMachineAlias> aliases, int lastVersionNumber)
    {
        Write(Path.Combine(StateMachines, FileName(entry.Arn) + ".json"), w =>
        {
            w.WriteString("stateMachineArn", entry.Arn);
            w.WriteString("name", entry.Name);
            w.WriteString("type", Wire.Type(entry.Type));
            w.WriteNumber("creationDate", entry.CreationDate.ToUnixTimeMilliseconds());
            WriteRevision(w, entry.Current);
            w.WriteStartObject("tags");
            foreach (var (key, value) in entry.Tags)
            {
                w.WriteString(key, value);
            }

            w.WriteEndObject();
            w.WriteNumber("lastVersionNumber", lastVersionNumber);
            w.WriteStartArray("versions");
            foreach (var version in versions)
            {
                w.WriteStartObject();
                w.WriteString("stateMachineVersionArn", version.Arn);
                w.WriteNumber("number", version.Number);
                w.WriteOptional("description", version.Description);
                w.WriteNumber("creationDate", version.CreationDate.ToUnixTimeMilliseconds());
                WriteRevision(w, version.Revision);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("aliases");
            foreach (var alias in aliases)
            {
                WriteAlias(w, alias);
            }

            w.WriteEndArray();
        });
    }

    /// <summary>Deletes a state machine's file, and with it its versions and aliases.</summary>
    public void Delete(string stateMachineArn) => File.Delete(Path.Combine(StateMachines, FileName(stateMachineArn) + ".json"));

    /// <summary>Writes an activity's file, replacing the old one atomically.</summary>
    public void Save(ActivityEntry activity) => Write(Path.Combine(Activities, FileName(activity.Arn) + ".json"), w =>
    {
        w.WriteString("activityArn", activity.Arn);
        w.WriteString("name", activity.Name);
        w.WriteNumber("creationDate", activity.CreationDate.ToUnixTimeMilliseconds());
    });

    public void DeleteActivity(string activityArn) => File.Delete(Path.Combine(Activities, FileName(activityArn) + ".json"));

    /// <summary>The saved state machines, with their versions and aliases.</summary>
    public IEnumerable<StoredStateMachine> LoadStateMachines() => Load(StateMachines, root => new StoredStateMachine(
        root.GetProperty("stateMachineArn").GetString()!,
        root.GetProperty("name").GetString()!,
        root.GetProperty("type").GetString() == "EXPRESS" ? StateMachineType.Express : StateMachineType.Standard,
        Date(root, "creationDate"),
        ReadRevision(root),
        root.GetProperty("tags").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal),
        [.. Items(root, "versions").Select(ReadVersion)],
        [.. Items(root, "aliases").Select(a => ReadAlias(a, root.GetProperty("stateMachineArn").GetString()!))],
        root.TryGetProperty("lastVersionNumber", out var last) ? last.GetInt32() : 0));

    /// <summary>The saved activities.</summary>
    public IEnumerable<ActivityEntry> LoadActivities() => Load(Activities, root => new ActivityEntry(
        root.GetProperty("activityArn").GetString()!,
        root.GetProperty("name").GetString()!,
        Date(root, "creationDate")));

    /// <summary>
    /// The saved executions, oldest first, each with the revision it ran and the version and alias it was started
    /// through. A torn last line (the process was killed while writing it) is cut off the file, so the log can be
    /// appended to again; a log whose header cannot be read is skipped with a warning.
    /// </summary>
    public IEnumerable<(StoredExecution Execution, StoredRevision Revision, ExecutionSource? Source)> LoadExecutions()
    {
        var loaded = new List<(StoredExecution, StoredRevision, ExecutionSource?)>();
        foreach (var path in Directory.EnumerateFiles(Executions, "*.jsonl"))
        {
            try
            {
                if (Read(path) is { } execution)
                {
                    loaded.Add(execution);
                }
            }
            catch (Exception e) when (Unreadable(e))
            {
                Skipped(path, e.Message);
            }
        }

        return loaded.OrderBy(e => e.Item1.StartDate);
    }

    /// <summary>Says on standard error that something saved could not be put back, and why.</summary>
    public static void Skipped(string what, string reason) => Console.Error.WriteLine($"warning: --data: skipped {what}: {reason}");

    private static (StoredExecution, StoredRevision, ExecutionSource?)? Read(string path)
    {
        var content = File.ReadAllBytes(path);
        var span = content.AsSpan();
        var lines = new List<(int Start, int Length)>();
        var start = 0;
        while (span[start..].IndexOf((byte)'\n') is var end and >= 0)
        {
            lines.Add((start, end));
            start += end + 1;
        }

        if (lines.Count == 0)
        {
            File.Delete(path);
            return null;
        }

        using var headerDocument = JsonDocument.Parse(content.AsMemory(lines[0].Start, lines[0].Length));
        var header = headerDocument.RootElement;
        var events = new List<HistoryEvent>();
        var tokens = new List<string>();
        var valid = lines[0].Start + lines[0].Length + 1;
        foreach (var (lineStart, length) in lines.Skip(1))
        {
            var line = span.Slice(lineStart, length);
            try
            {
                if (line.StartsWith("{\"token\""u8))
                {
                    using var token = JsonDocument.Parse(content.AsMemory(lineStart, length));
                    tokens.Add(token.RootElement.GetProperty("token").GetString()!);
                }
                else
                {
                    var recorded = HistoryEvent.Parse(line);
                    if (recorded.Id != events.Count + 1)
                    {
                        break;
                    }

                    events.Add(recorded);
                }
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException or FormatException)
            {
                break;
            }

            valid = lineStart + length + 1;
        }

        if (valid < content.Length)
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Write);
            file.SetLength(valid);
        }

        var execution = new StoredExecution(
            header.GetProperty("executionArn").GetString()!,
            header.GetProperty("name").GetString()!,
            DateTimeOffset.FromUnixTimeMilliseconds(header.GetProperty("startDate").GetInt64()),
            header.TryGetProperty("testCase", out var testCase) ? testCase.GetString() : null,
            header.GetProperty("input").GetString(),
            events,
            tokens);
        var revision = ReadRevision(header) with
        {
            StateMachineArn = header.GetProperty("stateMachineArn").GetString()!,
            StateMachineName = header.GetProperty("stateMachineName").GetString()!,
        };
        return (execution, revision, ExecutionSource.Read(header));
    }

    private string Header(Execution execution)
    {
        var machine = execution.StateMachine;
        var revision = _revisionOf(execution);
        return Json(w =>
        {
            w.WriteString("executionArn", execution.Arn);
            w.WriteString("name", execution.Name);
            w.WriteString("stateMachineArn", machine.Arn);
            w.WriteString("stateMachineName", machine.Name);
            w.WriteNumber("startDate", execution.StartDate.ToUnixTimeMilliseconds());
            if (execution.TestCase is { } testCase)
            {
                w.WriteString("testCase", testCase);
            }

            w.WriteString("input", HistoryEventDetails.Encode(execution.Input));
            w.WriteString("definition", machine.Definition);
            w.WriteString("roleArn", machine.RoleArn);
            w.WriteString("loggingConfiguration", revision?.LoggingConfiguration);
            w.WriteString("tracingConfiguration", revision?.TracingConfiguration);
            w.WriteString("revisionId", revision?.RevisionId);
            if (revision?.UpdateDate is { } updated)
            {
                w.WriteNumber("updateDate", updated.ToUnixTimeMilliseconds());
            }

            _sourceOf(execution)?.WriteTo(w);
        });
    }

    private static void WriteRevision(Utf8JsonWriter w, StateMachineRevision revision)
    {
        w.WriteString("definition", revision.Compiled.Definition);
        w.WriteString("roleArn", revision.Compiled.RoleArn);
        w.WriteString("loggingConfiguration", revision.LoggingConfiguration);
        w.WriteString("tracingConfiguration", revision.TracingConfiguration);
        w.WriteString("revisionId", revision.RevisionId);
        if (revision.UpdateDate is { } updated)
        {
            w.WriteNumber("updateDate", updated.ToUnixTimeMilliseconds());
        }
    }

    private static StoredRevision ReadRevision(JsonElement root) => new(
        root.GetProperty("definition").GetString()!,
        root.GetProperty("roleArn").GetString()!,
        root.GetProperty("loggingConfiguration").GetString(),
        root.GetProperty("tracingConfiguration").GetString(),
        root.GetProperty("revisionId").GetString(),
        root.TryGetProperty("updateDate", out var updated) ? DateTimeOffset.FromUnixTimeMilliseconds(updated.GetInt64()) : null);

    private static StoredVersion ReadVersion(JsonElement version) => new(
        version.GetProperty("stateMachineVersionArn").GetString()!,
        version.GetProperty("number").GetInt32(),
        version.TryGetProperty("description", out var description) ? description.GetString() : null,
        Date(version, "creationDate"),
        ReadRevision(version));

    private static void WriteAlias(Utf8JsonWriter w, StateMachineAlias alias)
    {
        w.WriteStartObject();
        alias.WriteRouting(w);
        w.WriteNumber("creationDate", alias.CreationDate.ToUnixTimeMilliseconds());
        w.WriteNumber("updateDate", alias.UpdateDate.ToUnixTimeMilliseconds());
        w.WriteEndObject();
    }

    private static StateMachineAlias ReadAlias(JsonElement alias, string stateMachineArn) => new(
        alias.GetProperty("stateMachineAliasArn").GetString()!,
        alias.GetProperty("name").GetString()!,
        stateMachineArn,
        alias.TryGetProperty("description", out var description) ? description.GetString() : null,
        [.. alias.GetProperty("routingConfiguration").EnumerateArray().Select(r => new AliasRoute(r.GetProperty("stateMachineVersionArn").GetString()!, r.GetProperty("weight").GetInt32()))],
        Date(alias, "creationDate"),
        Date(alias, "updateDate"));

    /// <summary>The array <paramref name="name"/> of <paramref name="root"/>; none in a file an older server wrote.</summary>
    private static IEnumerable<JsonElement> Items(JsonElement root, string name) =>
        root.TryGetProperty(name, out var items) ? items.EnumerateArray() : [];

    private static DateTimeOffset Date(JsonElement element, string name) => DateTimeOffset.FromUnixTimeMilliseconds(element.GetProperty(name).GetInt64());

    /// <summary>Reads every <c>.json</c> file of <paramref name="directory"/>, after removing temporary files a kill left half-written.</summary>
    private static List<T> Load<T>(string directory, Func<JsonElement, T> read)
    {
        foreach (var temporary in Directory.EnumerateFiles(directory, "*" + TemporarySuffix))
        {
            File.Delete(temporary);
        }

        var loaded = new List<T>();
        foreach (var path in Directory.EnumerateFiles(directory, "*.json"))
        {
            try
            {
                using var document = JsonDocument.Parse(File.ReadAllBytes(path));
                loaded.Add(read(document.RootElement));
            }
            catch (Exception e) when (Unreadable(e))
            {
                Skipped(path, e.Message);
            }
        }

        return loaded;
    }

    /// <summary>What reading a file that is not what we wrote throws: bad JSON, a missing member or one of the wrong kind.</summary>
    private static bool Unreadable(Exception e) => e is JsonException or InvalidOperationException or KeyNotFoundException or FormatException;

    /// <summary>
    /// Writes the whole file beside its destination, then renames it over the old one: a kill leaves one or the other.
    /// The temporary name is unique, so two writers never share one.
    /// </summary>
    private static void Write(string path, Action<Utf8JsonWriter> write)
    {
        var temporary = $"{path}.{Guid.NewGuid():N}{TemporarySuffix}";
        File.WriteAllText(temporary, Json(write));
        File.Move(temporary, path, overwrite: true);
    }

    private string ExecutionPath(string arn) => Path.Combine(Executions, FileName(arn) + ".jsonl");

    /// <summary>ARNs hold characters no file system likes; a digest names the file instead.</summary>
    private static string FileName(string arn) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(arn)))[..32];

    private static string Json(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            write(writer);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
