using System.Buffers;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Asl;

namespace StepFunctions.Local;

/// <summary>
/// The on-disk state behind <c>--data DIR</c>, under <c>DIR/stepfunctions</c>: one JSON file per state machine
/// (rewritten atomically: temp file, then rename) and one JSON-lines log per STANDARD execution (a header line, then
/// its history events and task tokens as they happen). EXPRESS executions and Map Run children are not kept, as AWS
/// keeps no history for them either.
/// </summary>
internal sealed class DurableStore : IExecutionJournal
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly ConcurrentDictionary<string, ExecutionLog> _open = new(StringComparer.Ordinal);
    private readonly Func<Execution, StateMachineRevision?> _revisionOf;

    public DurableStore(string directory, Func<Execution, StateMachineRevision?> revisionOf)
    {
        Root = Path.Combine(Path.GetFullPath(directory), "stepfunctions");
        StateMachines = Path.Combine(Root, "statemachines");
        Executions = Path.Combine(Root, "executions");
        Directory.CreateDirectory(StateMachines);
        Directory.CreateDirectory(Executions);
        _revisionOf = revisionOf;
    }

    public string Root { get; }

    private string StateMachines { get; }

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

    /// <summary>Writes a state machine's file (identity, tags, current revision), replacing the old one atomically.</summary>
    public void Save(StateMachineEntry entry)
    {
        var revision = entry.Current;
        var json = Json(w =>
        {
            w.WriteString("stateMachineArn", entry.Arn);
            w.WriteString("name", entry.Name);
            w.WriteString("type", Wire.Type(entry.Type));
            w.WriteNumber("creationDate", entry.CreationDate.ToUnixTimeMilliseconds());
            WriteRevision(w, revision);
            w.WriteStartObject("tags");
            foreach (var (key, value) in entry.Tags)
            {
                w.WriteString(key, value);
            }

            w.WriteEndObject();
        });
        var path = Path.Combine(StateMachines, FileName(entry.Arn) + ".json");
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, json);
        File.Move(temporary, path, overwrite: true);
    }

    public void Delete(string stateMachineArn) => File.Delete(Path.Combine(StateMachines, FileName(stateMachineArn) + ".json"));

    /// <summary>The saved state machines.</summary>
    public IEnumerable<StoredStateMachine> LoadStateMachines()
    {
        foreach (var path in Directory.EnumerateFiles(StateMachines, "*.json"))
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = document.RootElement;
            yield return new StoredStateMachine(
                root.GetProperty("stateMachineArn").GetString()!,
                root.GetProperty("name").GetString()!,
                root.GetProperty("type").GetString() == "EXPRESS" ? StateMachineType.Express : StateMachineType.Standard,
                DateTimeOffset.FromUnixTimeMilliseconds(root.GetProperty("creationDate").GetInt64()),
                ReadRevision(root),
                root.GetProperty("tags").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal));
        }
    }

    /// <summary>
    /// The saved executions, oldest first, each with the revision it ran. A torn last line (the process was killed
    /// while writing it) is cut off the file, so the log can be appended to again.
    /// </summary>
    public IEnumerable<(StoredExecution Execution, StoredRevision Revision)> LoadExecutions()
    {
        var loaded = new List<(StoredExecution, StoredRevision)>();
        foreach (var path in Directory.EnumerateFiles(Executions, "*.jsonl"))
        {
            if (Read(path) is { } execution)
            {
                loaded.Add(execution);
            }
        }

        return loaded.OrderBy(e => e.Item1.StartDate);
    }

    private static (StoredExecution, StoredRevision)? Read(string path)
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
        return (execution, ReadRevision(header) with
        {
            StateMachineArn = header.GetProperty("stateMachineArn").GetString()!,
            StateMachineName = header.GetProperty("stateMachineName").GetString()!,
        });
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
