using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Asl;

/// <summary>
/// Turns a validated definition into compiled states. Every language-specific field goes through the state's
/// <see cref="QueryLanguageCompiler"/>; anything the validator let through but cannot be compiled is reported as an
/// <see cref="InvalidDefinitionException"/>, never a crash.
/// </summary>
internal static class DefinitionParser
{
    public static (StatesBlock Root, long? TimeoutSeconds) Parse(string definition, StateMachineType type)
    {
        var diagnostics = AslValidator.Validate(definition, type);
        if (diagnostics.Count > 0)
        {
            throw new InvalidDefinitionException(diagnostics);
        }

        JsonObject root;
        try
        {
            root = ReadDefinition(definition) as JsonObject ?? throw Invalid("SCHEMA_VALIDATION_FAILED", "The definition must be a JSON object", "/");
        }
        catch (JsonException e)
        {
            throw Invalid("INVALID_JSON_DESCRIPTION", e.Message, "/");
        }

        var language = root["QueryLanguage"]?.GetValue<string>() ?? "JSONPath";
        var timeout = root["TimeoutSeconds"] is JsonValue t && JsonNumbers.TryGetInteger(t, out var seconds) ? seconds : (long?)null;
        return (CompileBlock(root, string.Empty, language), timeout);
    }

    /// <summary>
    /// Reads the definition exactly as the validator does (first JSON value only, nesting up to
    /// <see cref="AslValidator.MaxNestingDepth"/>, a repeated key keeps its last value like Jackson and JsonElement), so a
    /// definition the validator accepted always reads.
    /// </summary>
    private static JsonNode? ReadDefinition(string definition)
    {
        var reader = new Utf8JsonReader(
            Encoding.UTF8.GetBytes(definition),
            new JsonReaderOptions { AllowMultipleValues = true, MaxDepth = AslValidator.MaxNestingDepth });
        using var document = JsonDocument.ParseValue(ref reader);
        return ToNode(document.RootElement);
    }

    private static JsonNode? ToNode(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var obj = new JsonObject();
                foreach (var property in element.EnumerateObject())
                {
                    obj[property.Name] = ToNode(property.Value);
                }

                return obj;
            case JsonValueKind.Array:
                var array = new JsonArray();
                foreach (var item in element.EnumerateArray())
                {
                    array.Add(ToNode(item));
                }

                return array;
            case JsonValueKind.Null:
                return null;
            default:
                return JsonValue.Create(element.Clone());
        }
    }

    private static StatesBlock CompileBlock(JsonObject block, string location, string language)
    {
        if (block["States"] is not JsonObject statesJson || block["StartAt"] is not JsonValue startAt)
        {
            throw Invalid("SCHEMA_VALIDATION_FAILED", "These fields are required: [StartAt, States]", location.Length == 0 ? "/" : location);
        }

        var states = new Dictionary<string, StateNode>(StringComparer.Ordinal);
        var nextNames = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (name, value) in statesJson)
        {
            var stateLocation = $"{location}/States/{name}";
            try
            {
                var json = value as JsonObject ?? throw Invalid("SCHEMA_VALIDATION_FAILED", "A state must be an object", stateLocation);
                states[name] = CompileState(name, json, stateLocation, language);
                nextNames[name] = json["Next"]?.GetValue<string>();
            }
            catch (InvalidDefinitionException)
            {
                throw;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                throw Invalid("SCHEMA_VALIDATION_FAILED", e.Message, stateLocation);
            }
        }

        foreach (var (name, state) in states)
        {
            state.Next = Resolve(states, nextNames[name], $"{location}/States/{name}/Next");
            switch (state)
            {
                case ChoiceState choice:
                    foreach (var rule in choice.Rules)
                    {
                        rule.Next = Resolve(states, rule.NextName, $"{location}/States/{name}/Choices");
                    }

                    choice.Default = Resolve(states, choice.DefaultName, $"{location}/States/{name}/Default");
                    break;
                case ExecutionState worker:
                    foreach (var catcher in worker.Catch)
                    {
                        catcher.Next = Resolve(states, catcher.NextName, $"{location}/States/{name}/Catch");
                    }

                    break;
            }
        }

        var start = startAt.GetValue<string>();
        return new StatesBlock(
            states.TryGetValue(start, out var first) ? first : throw Invalid("MISSING_TRANSITION_TARGET", $"Missing 'StartAt' target: {start}", $"{location}/StartAt"),
            states);
    }

    private static StateNode? Resolve(Dictionary<string, StateNode> states, string? name, string location) =>
        name is null ? null
        : states.TryGetValue(name, out var state) ? state
        : throw Invalid("MISSING_TRANSITION_TARGET", $"Missing 'Next' target: {name}", location);

    private static StateNode CompileState(string name, JsonObject json, string location, string machineLanguage)
    {
        var language = json["QueryLanguage"]?.GetValue<string>() ?? machineLanguage;
        QueryLanguageCompiler compiler = language switch
        {
            "JSONPath" => JsonPathCompiler.Instance,
            "JSONata" => JsonataCompiler.Instance,
            _ => throw Invalid("SCHEMA_VALIDATION_FAILED", $"The QueryLanguage '{language}' is not supported", location),
        };
        var type = json["Type"]?.GetValue<string>() ?? string.Empty;
        var flow = compiler.CompileDataFlow(json, type);
        return type switch
        {
            "Pass" => new PassState(name, flow, json.TryGetPropertyValue("Result", out var result) ? result?.DeepClone() : null, json.ContainsKey("Result")),
            "Succeed" => new SucceedState(name, flow),
            "Fail" => new FailState(name, flow, compiler.CompileField(json, "Error"), compiler.CompileField(json, "Cause")),
            "Wait" => new WaitState(name, flow, compiler.CompileField(json, "Seconds"), compiler.CompileField(json, "Timestamp")),
            "Choice" => new ChoiceState(
                name,
                flow,
                [.. (json["Choices"] as JsonArray ?? []).Select(r => new ChoiceRule(compiler.CompileCondition((JsonObject)r!), r!["Next"]!.GetValue<string>())
                {
                    Flow = compiler.CompileRuleFlow(json, (JsonObject)r),
                })],
                json["Default"]?.GetValue<string>()),
            "Task" => new TaskState(
                name,
                flow,
                CompileRetry(json),
                CompileCatch(json, compiler),
                TaskResource.Parse(json["Resource"]?.GetValue<string>() ?? throw Invalid("SCHEMA_VALIDATION_FAILED", "These fields are required: [Resource]", location)),
                compiler.CompileField(json, "TimeoutSeconds"),
                compiler.CompileField(json, "HeartbeatSeconds")),
            "Parallel" => new ParallelState(
                name,
                flow,
                CompileRetry(json),
                CompileCatch(json, compiler),
                [.. (json["Branches"] as JsonArray ?? []).Select((b, i) => CompileBlock((JsonObject)b!, $"{location}/Branches[{i}]", machineLanguage))]),
            "Map" => CompileMap(name, json, location, machineLanguage, compiler, flow),
            _ => throw Invalid("SCHEMA_VALIDATION_FAILED", $"The state type '{type}' is not valid", location),
        };
    }

    private static MapState CompileMap(string name, JsonObject json, string location, string machineLanguage, QueryLanguageCompiler compiler, StateDataFlow flow)
    {
        var processor = json["ItemProcessor"] as JsonObject ?? json["Iterator"] as JsonObject
            ?? throw Invalid("SCHEMA_VALIDATION_FAILED", "These fields are required: [ItemProcessor]", location);
        var config = processor["ProcessorConfig"] as JsonObject;
        var distributed = config?["Mode"]?.GetValue<string>() == "DISTRIBUTED";
        var batcher = json["ItemBatcher"] as JsonObject;
        var reader = json["ItemReader"] as JsonObject;
        var writer = json["ResultWriter"] as JsonObject;
        return new MapState(name, flow, CompileRetry(json), CompileCatch(json, compiler))
        {
            Processor = CompileBlock(processor, $"{location}/ItemProcessor", machineLanguage),
            ProcessorDefinition = processor.ToJsonString(),
            Items = compiler.CompileItems(json),
            ItemSelector = compiler.CompileItemSelector(json),
            MaxConcurrency = compiler.CompileField(json, "MaxConcurrency"),
            Distributed = distributed
                ? new DistributedMapSettings
                {
                    ExecutionType = config?["ExecutionType"]?.GetValue<string>() == "EXPRESS" ? StateMachineType.Express : StateMachineType.Standard,
                    Label = json["Label"]?.GetValue<string>(),
                    ToleratedFailureCount = compiler.CompileField(json, "ToleratedFailureCount"),
                    ToleratedFailurePercentage = compiler.CompileField(json, "ToleratedFailurePercentage"),
                    MaxItemsPerBatch = batcher is null ? null : compiler.CompileField(batcher, "MaxItemsPerBatch"),
                    MaxInputBytesPerBatch = batcher is null ? null : compiler.CompileField(batcher, "MaxInputBytesPerBatch"),
                    HasBatcher = batcher is not null,
                    BatchInput = compiler.CompilePayload(batcher?["BatchInput"]),
                    ReaderResource = reader?["Resource"]?.GetValue<string>(),
                    ReaderConfig = reader?["ReaderConfig"]?.DeepClone(),
                    ReaderArguments = compiler.CompilePayload(reader?["Parameters"] ?? reader?["Arguments"]),
                    WriterResource = writer?["Resource"]?.GetValue<string>(),
                    WriterArguments = compiler.CompilePayload(writer?["Parameters"] ?? writer?["Arguments"]),
                }
                : null,
        };
    }

    private static Retrier[] CompileRetry(JsonObject state) =>
        [.. (state["Retry"] as JsonArray ?? []).Select(r => new Retrier(
            ErrorEquals(r),
            r!["IntervalSeconds"] is { } interval ? interval.GetValue<long>() : 1,
            r["MaxAttempts"] is { } attempts ? attempts.GetValue<int>() : 3,
            r["BackoffRate"] is { } rate && JsonNumbers.TryGetDouble(rate, out var backoff) ? backoff : 2.0,
            r["MaxDelaySeconds"] is { } cap ? cap.GetValue<long>() : null,
            r["JitterStrategy"]?.GetValue<string>() == "FULL"))];

    private static Catcher[] CompileCatch(JsonObject state, QueryLanguageCompiler compiler) =>
        [.. (state["Catch"] as JsonArray ?? []).Select(c => new Catcher(ErrorEquals(c), c!["Next"]!.GetValue<string>(), compiler.CompileCatcherOutput((JsonObject)c)))];

    private static string[] ErrorEquals(JsonNode? entry) => [.. (entry?["ErrorEquals"] as JsonArray ?? []).Select(e => e!.GetValue<string>())];

    private static InvalidDefinitionException Invalid(string code, string message, string location) =>
        new([new AslDiagnostic(code, message, location)]);
}
