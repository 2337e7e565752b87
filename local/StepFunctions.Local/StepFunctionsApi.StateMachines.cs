using System.Buffers;
using System.Text;
using System.Text.Json;
using Asl;

namespace StepFunctions.Local;

/// <content>CreateStateMachine, DescribeStateMachine, UpdateStateMachine, DeleteStateMachine, ListStateMachines, ValidateStateMachineDefinition.</content>
public sealed partial class StepFunctionsApi
{
    private const string DefaultLogging = """{"level":"OFF","includeExecutionData":false}""";
    private const string DefaultTracing = """{"enabled":false}""";
    private static readonly string[] Types = ["STANDARD", "EXPRESS"];
    private static readonly string[] LogLevels = ["ALL", "ERROR", "FATAL", "OFF"];
    private static readonly string[] Severities = ["ERROR", "WARNING"];

    private void CreateStateMachine(ApiRequest request, Utf8JsonWriter writer)
    {
        var name = request.Name("name", required: true);
        var definition = request.String("definition", 1, AslValidator.MaxDefinitionLength, required: true);
        var roleArn = request.String("roleArn", 1, 256, required: true);
        var type = request.Enum("type", Types) == "EXPRESS" ? StateMachineType.Express : StateMachineType.Standard;
        var logging = LoggingConfiguration(request);
        var tracing = TracingConfiguration(request);
        var tags = ReadTags(request, "tags");
        var publish = request.Boolean("publish") ?? false;
        var versionDescription = request.String("versionDescription", 0, 256);
        request.ThrowIfInvalid();
        if (versionDescription is not null && !publish)
        {
            throw new ApiException("ValidationException", "Version description can only be set when publish is true");
        }

        var compiled = Compile(name!, definition!, type, roleArn!);
        var arn = compiled.Arn;
        StateMachineEntry entry;
        lock (_writeGate)
        {
            if (_stateMachines.TryGetValue(arn, out var existing))
            {
                var current = existing.Current;
                if (existing.Type != type || current.Compiled.Definition != definition
                    || current.LoggingConfiguration != logging || current.TracingConfiguration != tracing)
                {
                    throw new ApiException("StateMachineAlreadyExists", $"State Machine Already Exists: '{arn}'");
                }

                entry = existing;
            }
            else
            {
                entry = new StateMachineEntry(arn, name!, type, Engine.Clock.UtcNow, Remember(new StateMachineRevision(compiled, logging, tracing, null, null)));
                foreach (var (key, value) in tags)
                {
                    entry.Tags[key] = value;
                }

                _stateMachines[arn] = entry;
                Persist(entry);
            }
        }

        writer.WriteString("stateMachineArn", entry.Arn);
        writer.WriteDate("creationDate", entry.CreationDate);
        if (publish)
        {
            writer.WriteString("stateMachineVersionArn", Publish(entry, versionDescription).Arn);
        }
    }

    private void DescribeStateMachine(ApiRequest request, Utf8JsonWriter writer)
    {
        var arn = RequiredArn(request, "stateMachineArn");
        if (TryDescribeVersion(arn, writer))
        {
            return;
        }

        var entry = FindStateMachine(arn);
        WriteDescription(writer, entry.Arn, entry, entry.Current, entry.CreationDate);
    }

    /// <summary>DescribeStateMachine's fields, for the machine itself or one of its versions.</summary>
    private static void WriteDescription(Utf8JsonWriter writer, string arn, StateMachineEntry entry, StateMachineRevision revision, DateTimeOffset creationDate)
    {
        writer.WriteString("stateMachineArn", arn);
        writer.WriteString("name", entry.Name);
        writer.WriteString("status", "ACTIVE");
        writer.WriteString("definition", revision.Compiled.Definition);
        writer.WriteString("roleArn", revision.Compiled.RoleArn);
        writer.WriteString("type", Wire.Type(entry.Type));
        writer.WriteDate("creationDate", creationDate);
        writer.WriteRaw("loggingConfiguration", revision.LoggingConfiguration);
        writer.WriteRaw("tracingConfiguration", revision.TracingConfiguration);
        writer.WriteOptional("revisionId", revision.RevisionId);
    }

    private void UpdateStateMachine(ApiRequest request, Utf8JsonWriter writer)
    {
        var arn = request.String("stateMachineArn", 1, 256, required: true);
        var definition = request.String("definition", 1, AslValidator.MaxDefinitionLength);
        var roleArn = request.String("roleArn", 1, 256);
        var hasLogging = request.Object("loggingConfiguration") is not null;
        var hasTracing = request.Object("tracingConfiguration") is not null;
        var logging = LoggingConfiguration(request);
        var tracing = TracingConfiguration(request);
        var publish = request.Boolean("publish") ?? false;
        var versionDescription = request.String("versionDescription", 0, 256);
        request.ThrowIfInvalid();
        Arns.RequireStateMachine(arn!);
        if (versionDescription is not null && !publish)
        {
            throw new ApiException("ValidationException", "Version description can only be set when publish is true");
        }
        if (definition is null && roleArn is null && !hasLogging && !hasTracing)
        {
            throw new ApiException(
                "MissingRequiredParameter",
                "Either the definition, the role ARN, the LoggingConfiguration, or the TracingConfiguration must be specified");
        }

        var entry = FindStateMachine(arn!);
        var now = Engine.Clock.UtcNow;
        lock (_writeGate)
        {
            var current = entry.Current;
            var compiled = Compile(entry.Name, definition ?? current.Compiled.Definition, entry.Type, roleArn ?? current.Compiled.RoleArn);
            entry.Current = Remember(new StateMachineRevision(
                compiled,
                hasLogging ? logging : current.LoggingConfiguration,
                hasTracing ? tracing : current.TracingConfiguration,
                Guid.NewGuid().ToString(),
                now));
            Persist(entry);
            writer.WriteDate("updateDate", now);
            writer.WriteString("revisionId", entry.Current.RevisionId);
            if (publish)
            {
                writer.WriteString("stateMachineVersionArn", Publish(entry, versionDescription).Arn);
            }
        }
    }

    private void DeleteStateMachine(ApiRequest request, Utf8JsonWriter writer)
    {
        var arn = request.String("stateMachineArn", 1, 256, required: true);
        request.ThrowIfInvalid();
        Arns.RequireStateMachine(arn!);

        // AWS answers a delete of an unknown machine with success: the call is idempotent.
        lock (_writeGate)
        {
            if (_stateMachines.TryRemove(arn!, out _))
            {
                _store?.Delete(arn!);
            }
        }

        ForgetVersionsAndAliases(arn!);
    }

    private void ListStateMachines(ApiRequest request, Utf8JsonWriter writer)
    {
        var pageSize = Paging.PageSize(request.Integer("maxResults", 0, 1000));
        var token = request.String("nextToken", 1, 1024);
        request.ThrowIfInvalid();
        var all = _stateMachines.Values.OrderBy(e => e.CreationDate).ThenBy(e => e.Name, StringComparer.Ordinal).ToList();
        Paging.WritePage(writer, "stateMachines", all, token, "stateMachines", pageSize, static (item, entry) =>
        {
            item.WriteString("stateMachineArn", entry.Arn);
            item.WriteString("name", entry.Name);
            item.WriteString("type", Wire.Type(entry.Type));
            item.WriteDate("creationDate", entry.CreationDate);
        });
    }

    private static void ValidateStateMachineDefinition(ApiRequest request, Utf8JsonWriter writer)
    {
        var definition = request.String("definition", 1, AslValidator.MaxDefinitionLength, required: true);
        var type = request.Enum("type", Types) == "EXPRESS" ? StateMachineType.Express : StateMachineType.Standard;
        request.Enum("severity", Severities);
        var maxResults = Paging.PageSize(request.Integer("maxResults", 0, 100));
        request.ThrowIfInvalid();
        var diagnostics = AslValidator.Validate(definition!, type);
        writer.WriteString("result", diagnostics.Count == 0 ? "OK" : "FAIL");
        writer.WriteStartArray("diagnostics");
        foreach (var diagnostic in diagnostics.Take(maxResults))
        {
            writer.WriteStartObject();
            writer.WriteString("severity", "ERROR");
            writer.WriteString("code", diagnostic.Code);
            writer.WriteString("message", diagnostic.Message);
            writer.WriteOptional("location", diagnostic.Location);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteBoolean("truncated", diagnostics.Count > maxResults);
    }

    private StateMachine Compile(string name, string definition, StateMachineType type, string roleArn)
    {
        try
        {
            return Engine.CreateStateMachine(name, definition, type, roleArn);
        }
        catch (InvalidDefinitionException e)
        {
            throw new ApiException("InvalidDefinition", e.Message);
        }
    }

    private StateMachineRevision Remember(StateMachineRevision revision)
    {
        _revisions.AddOrUpdate(revision.Compiled, revision);
        return revision;
    }

    private StateMachineEntry FindStateMachine(string arn) =>
        _stateMachines.TryGetValue(arn, out var entry)
            ? entry
            : throw new ApiException("StateMachineDoesNotExist", $"State Machine Does Not Exist: '{arn}'");

    /// <summary>Reads a required state machine ARN member and checks its form.</summary>
    private static string RequiredArn(ApiRequest request, string member)
    {
        var arn = request.String(member, 1, 256, required: true);
        request.ThrowIfInvalid();
        Arns.RequireStateMachine(arn!);
        return arn!;
    }

    private static string LoggingConfiguration(ApiRequest request)
    {
        if (request.Object("loggingConfiguration") is not { } logging)
        {
            return DefaultLogging;
        }

        using var nested = new ApiRequest(JsonDocument.Parse(logging.GetRawText()));
        var level = nested.Enum("level", LogLevels) ?? "OFF";
        var includeData = nested.Boolean("includeExecutionData") ?? false;
        var destinations = nested.Array("destinations");
        nested.ThrowIfInvalid();
        var count = destinations?.GetArrayLength() ?? 0;
        if ((level != "OFF" && count == 0) || count > 1)
        {
            throw new ApiException("InvalidLoggingConfiguration", "Invalid Logging Configuration: Must specify exactly one Log Destination if logging level is not OFF.");
        }

        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("level", level);
            json.WriteBoolean("includeExecutionData", includeData);
            if (destinations is { } list)
            {
                json.WritePropertyName("destinations");
                list.WriteTo(json);
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static string TracingConfiguration(ApiRequest request)
    {
        if (request.Object("tracingConfiguration") is not { } tracing)
        {
            return DefaultTracing;
        }

        using var nested = new ApiRequest(JsonDocument.Parse(tracing.GetRawText()));
        var enabled = nested.Boolean("enabled") ?? false;
        return enabled ? """{"enabled":true}""" : DefaultTracing;
    }
}
