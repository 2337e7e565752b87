using System.Text.Json;

namespace Asl;

/// <summary>
/// Checks one <c>StartAt</c> + <c>States</c> block (the machine, a Parallel branch, a Map's ItemProcessor): its states,
/// and its graph: every transition lands on a state of the same block, every state is reachable from StartAt, and the
/// machine itself has somewhere to end.
/// </summary>
internal static class ScopeValidator
{
    private static readonly string[] ScopeFields = ["States", "StartAt"];

    public static void CheckMachine(ValidationSession session, JsonElement root) =>
        Check(session, root, string.Empty, topLevel: true, property => property.Name switch
        {
            "Comment" or "Version" => Checked(() => ValueChecks.String(session, property.Value, $"/{property.Name}")),
            "TimeoutSeconds" => Checked(() => ValueChecks.Integer(session, property.Value, "/TimeoutSeconds", QueryLanguage.JsonPath, 0, long.MaxValue)),
            "QueryLanguage" => Checked(() => StateValidator.CheckQueryLanguageValue(session, property.Value, "/QueryLanguage")),
            _ => false,
        });

    public static void CheckBranch(ValidationSession session, JsonElement branch, string location)
    {
        if (ValueChecks.Object(session, branch, location))
        {
            Check(session, branch, location, topLevel: false, property =>
                property.Name == "Comment" && Checked(() => ValueChecks.String(session, property.Value, $"{location}/Comment")));
        }
    }

    public static void CheckItemProcessor(ValidationSession session, JsonElement processor, string location)
    {
        if (!ValueChecks.Object(session, processor, location))
        {
            return;
        }

        var childType = IsDistributedExpress(processor) ? StateMachineType.Express : session.MachineType;
        session.AsChildExecutions(childType, () =>
            Check(session, processor, location, topLevel: false, property => property.Name switch
            {
                "Comment" => Checked(() => ValueChecks.String(session, property.Value, $"{location}/Comment")),
                "ProcessorConfig" => Checked(() => MapConfiguration.ProcessorConfig(session, property.Value, $"{location}/ProcessorConfig", QueryLanguage.JsonPath)),
                _ => false,
            }));
    }

    private static bool IsDistributedExpress(JsonElement processor) =>
        processor.TryGetProperty("ProcessorConfig", out var config) && config.ValueKind == JsonValueKind.Object
        && config.TryGetProperty("Mode", out var mode) && mode.ValueKind == JsonValueKind.String && mode.GetString() == "DISTRIBUTED"
        && config.TryGetProperty("ExecutionType", out var executionType) && executionType.ValueKind == JsonValueKind.String
        && executionType.GetString() == "EXPRESS";

    // isOwnField checks a field other than StartAt and States, and says false when the block may not have it.
    private static void Check(ValidationSession session, JsonElement scope, string prefix, bool topLevel, Func<JsonProperty, bool> isOwnField)
    {
        var location = prefix.Length == 0 ? "/" : prefix;
        var missing = ScopeFields.Where(field => !scope.TryGetProperty(field, out _)).ToList();
        if (missing.Count > 0)
        {
            session.Schema(Messages.Required(missing), location);
        }

        var states = scope.TryGetProperty("States", out var found) && found.ValueKind == JsonValueKind.Object ? found : default;
        var summaries = new OrderedDictionary<string, StateSummary>(StringComparer.Ordinal);
        HashSet<string>? names = null;
        if (states.ValueKind == JsonValueKind.Object)
        {
            names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var state in states.EnumerateObject())
            {
                names.Add(state.Name);
            }
        }

        string? startAt = null;
        foreach (var property in scope.EnumerateObject())
        {
            switch (property.Name)
            {
                case "StartAt":
                    startAt = CheckStartAt(session, property.Value, $"{prefix}/StartAt", names);
                    break;
                case "States":
                    if (ValueChecks.Object(session, property.Value, $"{prefix}/States"))
                    {
                        CheckStates(session, property.Value, $"{prefix}/States", names!, summaries);
                    }

                    break;
                default:
                    if (!isOwnField(property))
                    {
                        session.Schema(Messages.NotSupported(property.Name), location);
                    }

                    break;
            }
        }

        if (topLevel && summaries.Count > 0 && !summaries.Values.Any(summary => summary.Terminal))
        {
            session.Report(DiagnosticCode.MissingEndState, Messages.NoTerminalState, null);
            return;
        }

        // Without a usable StartAt every state would look unreachable; AWS reports only the StartAt problem.
        if (startAt is not null)
        {
            ReportUnreachable(session, startAt, $"{prefix}/States", summaries);
        }
    }

    // names is null when the block has no usable States, which is reported on its own.
    private static string? CheckStartAt(ValidationSession session, JsonElement value, string location, HashSet<string>? names)
    {
        if (!ValueChecks.String(session, value, location))
        {
            return null;
        }

        var startAt = value.GetString()!;
        if (names is not null && !names.Contains(startAt))
        {
            session.Report(DiagnosticCode.MissingTransitionTarget, Messages.MissingTarget(startAt), location);
        }

        return startAt;
    }

    private static void CheckStates(
        ValidationSession session,
        JsonElement states,
        string location,
        HashSet<string> names,
        OrderedDictionary<string, StateSummary> summaries)
    {
        foreach (var state in states.EnumerateObject())
        {
            var at = $"{location}/{state.Name}";
            if (!session.ClaimStateName(state.Name))
            {
                session.Report(DiagnosticCode.DuplicateStateName, Messages.DuplicateStateName(state.Name), at);
            }

            var summary = StateValidator.Check(session, state.Name, state.Value, at);
            summaries.TryAdd(state.Name, summary);
            foreach (var transition in summary.Transitions)
            {
                if (!names.Contains(transition.Target))
                {
                    session.Report(DiagnosticCode.MissingTransitionTarget, Messages.MissingTarget(transition.Target), transition.Location);
                }
            }
        }
    }

    private static void ReportUnreachable(ValidationSession session, string startAt, string location, OrderedDictionary<string, StateSummary> summaries)
    {
        var reached = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>();
        if (summaries.ContainsKey(startAt))
        {
            reached.Add(startAt);
            pending.Push(startAt);
        }

        while (pending.TryPop(out var current))
        {
            foreach (var transition in summaries[current].Transitions)
            {
                if (summaries.ContainsKey(transition.Target) && reached.Add(transition.Target))
                {
                    pending.Push(transition.Target);
                }
            }
        }

        foreach (var name in summaries.Keys.Where(name => !reached.Contains(name)))
        {
            session.Report(DiagnosticCode.MissingTransitionTarget, Messages.Unreachable(name), $"{location}/{name}");
        }
    }

    private static bool Checked(Action check)
    {
        check();
        return true;
    }
}
