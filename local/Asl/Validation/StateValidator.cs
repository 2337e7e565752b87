using System.Text.Json;

namespace Asl;

/// <summary>Checks one state: its Type and query language, the fields its type allows, and each field's value.</summary>
internal static class StateValidator
{
    public const int MaxStateNameLength = 80;

    private const long MaxTaskSeconds = 99_999_999;

    private static readonly string[] TransitionFields = ["Next", "End"];
    private static readonly string[] WaitFields = ["Seconds", "Timestamp", "SecondsPath", "TimestampPath"];
    private static readonly string[] QueryLanguages = ["JSONPath", "JSONata"];

    private static readonly string[][] ExclusiveFields =
    [
        ["TimeoutSeconds", "TimeoutSecondsPath"],
        ["HeartbeatSeconds", "HeartbeatSecondsPath"],
        ["Error", "ErrorPath"],
        ["Cause", "CausePath"],
        ["ItemsPath", "Items"],
        ["Parameters", "ItemSelector"],
        ["Iterator", "ItemProcessor"],
        ["MaxConcurrency", "MaxConcurrencyPath"],
        ["ToleratedFailureCount", "ToleratedFailureCountPath"],
        ["ToleratedFailurePercentage", "ToleratedFailurePercentagePath"],
    ];

    public static StateSummary Check(ValidationSession session, string name, JsonElement state, string location)
    {
        var transitions = new List<Transition>();
        if (name.Length is 0 or > MaxStateNameLength)
        {
            session.Report(DiagnosticCode.InvalidStateName, Messages.StateNameTooLong(MaxStateNameLength), location);
        }

        if (!ValueChecks.Object(session, state, location))
        {
            return new StateSummary(false, transitions);
        }

        var terminal = state.TryGetProperty("End", out var end) && end.ValueKind == JsonValueKind.True;
        var type = CheckType(session, state, location);
        if (type is null)
        {
            CollectTransitions(session, state, location, transitions);
            return new StateSummary(terminal, transitions);
        }

        var (language, downgraded) = ResolveLanguage(session, state, location);
        CheckShape(session, state, location, type);
        foreach (var property in state.EnumerateObject())
        {
            var spec = StateFields.Specs.GetValueOrDefault(property.Name);
            if (!StateFields.IsAllowed(type, property.Name))
            {
                session.Schema(Messages.NotSupported(property.Name), location);
            }
            else if (!spec.AllowedIn(language))
            {
                if (!downgraded)
                {
                    session.WrongLanguage(language, property.Name, location);
                }
            }
            else
            {
                CheckField(session, property, $"{location}/{property.Name}", spec.Kind, language, transitions);
            }
        }

        CheckHeartbeat(session, state, location);
        return new StateSummary(terminal || type is "Succeed" or "Fail", transitions);
    }

    public static void CheckReferencePath(ValidationSession session, JsonElement value, string location)
    {
        if (ValueChecks.String(session, value, location) && !PathSyntax.IsReferencePath(value.GetString()!))
        {
            session.Schema(Messages.NotAReferencePath, location);
        }
    }

    public static void CheckResultPath(ValidationSession session, JsonElement value, string location)
    {
        if (value.ValueKind != JsonValueKind.Null && ValueChecks.String(session, value, location) && !PathSyntax.IsResultPath(value.GetString()!))
        {
            session.Schema(Messages.NotAReferencePath, location);
        }
    }

    /// <summary>A payload: a template in a JSONPath state, a JSONata payload (with <c>{% %}</c> expressions) otherwise.</summary>
    public static void CheckPayload(ValidationSession session, JsonElement value, string location, QueryLanguage language)
    {
        if (language == QueryLanguage.JsonPath)
        {
            PayloadTemplates.Check(session, value, location);
        }
        else
        {
            JsonataExpressions.CheckPayload(session, value, location);
        }
    }

    private static string? CheckType(ValidationSession session, JsonElement state, string location)
    {
        if (!state.TryGetProperty("Type", out var type))
        {
            session.Schema(Messages.Required(["Type"]), location);
            return null;
        }

        var at = $"{location}/Type";
        if (!ValueChecks.String(session, type, at))
        {
            return null;
        }

        if (!StateFields.Types.Contains(type.GetString()!))
        {
            session.Schema(Messages.OneOfValues(StateFields.TypeNames), at);
            return null;
        }

        return type.GetString();
    }

    /// <summary>
    /// The state's language: exactly "JSONPath" asks for JSONPath, any other value for JSONata, and none inherits the
    /// machine's. A JSONata machine cannot step back to JSONPath; AWS then reports only that, not the fields it would forbid.
    /// </summary>
    private static (QueryLanguage Language, bool Downgraded) ResolveLanguage(ValidationSession session, JsonElement state, string location)
    {
        if (!state.TryGetProperty("QueryLanguage", out var declared))
        {
            return (session.MachineLanguage, false);
        }

        CheckQueryLanguageValue(session, declared, $"{location}/QueryLanguage");
        if (declared.ValueKind != JsonValueKind.String || declared.GetString() != "JSONPath")
        {
            return (QueryLanguage.Jsonata, false);
        }

        if (session.MachineLanguage == QueryLanguage.Jsonata)
        {
            session.Schema(Messages.DowngradedQueryLanguage, location);
            return (QueryLanguage.JsonPath, true);
        }

        return (QueryLanguage.JsonPath, false);
    }

    public static void CheckQueryLanguageValue(ValidationSession session, JsonElement declared, string location) =>
        ValueChecks.Enum(session, declared, location, QueryLanguages);

    private static void CheckShape(ValidationSession session, JsonElement state, string location, string type)
    {
        var required = type switch
        {
            "Task" => "Resource",
            "Choice" => "Choices",
            "Parallel" => "Branches",
            "Map" when !state.TryGetProperty("Iterator", out _) => "ItemProcessor",
            _ => null,
        };
        if (required is not null && !state.TryGetProperty(required, out _))
        {
            session.Schema(Messages.Required([required]), location);
        }

        if (type is "Pass" or "Task" or "Wait" or "Parallel" or "Map")
        {
            var hasNext = state.TryGetProperty("Next", out _);
            var ends = state.TryGetProperty("End", out var end) && end.ValueKind == JsonValueKind.True;
            if (hasNext && ends)
            {
                session.Schema(Messages.OnlyOneOf(TransitionFields), location);
            }
            else if (!hasNext && !ends)
            {
                session.Schema(Messages.ExactlyOneOf(TransitionFields), location);
            }
        }

        if (type == "Wait" && !WaitFields.Any(field => state.TryGetProperty(field, out _)))
        {
            session.Schema(Messages.ExactlyOneOf(WaitFields), location);
        }

        session.OnlyOneOf(state, location, type == "Wait" ? [.. ExclusiveFields, WaitFields] : ExclusiveFields);
    }

    private static void CheckField(
        ValidationSession session,
        JsonProperty property,
        string at,
        FieldKind kind,
        QueryLanguage language,
        List<Transition> transitions)
    {
        var value = property.Value;
        switch (kind)
        {
            case FieldKind.String or FieldKind.Label:
                ValueChecks.String(session, value, at);
                break;
            case FieldKind.ErrorText:
                if (!JsonataExpressions.AcceptsExpression(session, value, at, language))
                {
                    ValueChecks.String(session, value, at);
                }

                break;
            case FieldKind.Target:
                Transition.Collect(session, value, at, transitions);
                break;
            case FieldKind.End:
                ValueChecks.Boolean(session, value, at);
                break;
            case FieldKind.Resource:
                CheckResource(session, value, at);
                break;
            case FieldKind.Path:
                if (value.ValueKind != JsonValueKind.Null && ValueChecks.String(session, value, at) && !PathSyntax.IsPath(value.GetString()!))
                {
                    session.Schema(Messages.InvalidPath(property.Name), at);
                }

                break;
            case FieldKind.ReferencePath:
                CheckReferencePath(session, value, at);
                break;
            case FieldKind.ResultPath:
                CheckResultPath(session, value, at);
                break;
            case FieldKind.Payload or FieldKind.Credentials:
                CheckPayload(session, value, at, language);
                break;
            case FieldKind.Assign:
                AssignChecks.Check(session, value, at, language);
                break;
            case FieldKind.PositiveSeconds:
                ValueChecks.Integer(session, value, at, language, 1, MaxTaskSeconds);
                break;
            case FieldKind.WaitSeconds or FieldKind.MaxConcurrency or FieldKind.ToleratedCount:
                ValueChecks.Integer(session, value, at, language, 0, long.MaxValue);
                break;
            case FieldKind.ToleratedPercentage:
                ValueChecks.Number(session, value, at, language, 0.0, 100.0);
                break;
            case FieldKind.Timestamp:
                if (!JsonataExpressions.AcceptsExpression(session, value, at, language)
                    && ValueChecks.String(session, value, at)
                    && !Timestamps.IsValid(value.GetString()!))
                {
                    session.Schema(Messages.NotATimestamp, at);
                }

                break;
            case FieldKind.PathOrIntrinsic:
                if (value.ValueKind != JsonValueKind.String || !PathSyntax.IsPathOrIntrinsic(value.GetString()!))
                {
                    session.Schema(Messages.InvalidPathOrIntrinsic(property.Name), at);
                }

                break;
            case FieldKind.Retry:
                ErrorHandlers.CheckRetry(session, value, at);
                break;
            case FieldKind.Catch:
                ErrorHandlers.CheckCatch(session, value, at, language, transitions);
                break;
            case FieldKind.Choices:
                if (ValueChecks.NonEmptyArray(session, value, at))
                {
                    var index = 0;
                    foreach (var rule in value.EnumerateArray())
                    {
                        ChoiceRules.Check(session, rule, $"{at}[{index++}]", language, transitions);
                    }
                }

                break;
            case FieldKind.Branches:
                if (ValueChecks.NonEmptyArray(session, value, at))
                {
                    var index = 0;
                    foreach (var branch in value.EnumerateArray())
                    {
                        ScopeValidator.CheckBranch(session, branch, $"{at}[{index++}]");
                    }
                }

                break;
            case FieldKind.ItemProcessor:
                ScopeValidator.CheckItemProcessor(session, value, at);
                break;
            case FieldKind.Items:
                if (!JsonataExpressions.AcceptsExpression(session, value, at, language) && ValueChecks.Array(session, value, at))
                {
                    JsonataExpressions.CheckPayload(session, value, at);
                }

                break;
            case FieldKind.ItemReader:
                MapConfiguration.ItemReader(session, value, at, language);
                break;
            case FieldKind.ItemBatcher:
                MapConfiguration.ItemBatcher(session, value, at, language);
                break;
            case FieldKind.ResultWriter:
                MapConfiguration.ResultWriter(session, value, at, language);
                break;
        }
    }

    private static void CheckResource(ValidationSession session, JsonElement value, string at)
    {
        if (!ValueChecks.String(session, value, at))
        {
            return;
        }

        var resource = value.GetString()!;
        if (!ResourceArns.IsArn(resource))
        {
            session.Schema(Messages.NotAResourceArn, at);
        }
        else if (session.MachineType == StateMachineType.Express && ResourceArns.ExpressRestriction(resource) is { } restriction)
        {
            session.Schema(restriction, at);
        }
    }

    private static void CheckHeartbeat(ValidationSession session, JsonElement state, string location)
    {
        if (state.TryGetProperty("HeartbeatSeconds", out var heartbeat) && heartbeat.ValueKind == JsonValueKind.Number
            && state.TryGetProperty("TimeoutSeconds", out var timeout) && timeout.ValueKind == JsonValueKind.Number
            && heartbeat.TryGetInt64(out var heartbeatSeconds) && timeout.TryGetInt64(out var timeoutSeconds)
            && heartbeatSeconds >= timeoutSeconds)
        {
            session.Schema(Messages.HeartbeatNotBelowTimeout, $"{location}/HeartbeatSeconds");
        }
    }

    /// <summary>Keeps the transitions of a state whose Type is unusable, so its targets do not look unreachable.</summary>
    private static void CollectTransitions(ValidationSession session, JsonElement state, string location, List<Transition> transitions)
    {
        foreach (var field in (string[])["Next", "Default"])
        {
            if (state.TryGetProperty(field, out var target))
            {
                Transition.Collect(session, target, $"{location}/{field}", transitions);
            }
        }
    }
}
