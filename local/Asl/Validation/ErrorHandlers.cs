using System.Text.Json;

namespace Asl;

/// <summary>Checks Retry and Catch: their fields, ErrorEquals names, and where <c>States.ALL</c> may appear.</summary>
internal static class ErrorHandlers
{
    private static readonly string[] JitterStrategies = ["FULL", "NONE"];

    public static void CheckRetry(ValidationSession session, JsonElement retry, string location) =>
        ForEachHandler(session, retry, location, (retrier, at, last) =>
        {
            RequireErrorEquals(session, retrier, at);
            foreach (var property in retrier.EnumerateObject())
            {
                var fieldAt = $"{at}/{property.Name}";
                switch (property.Name)
                {
                    case "ErrorEquals":
                        CheckErrorEquals(session, property.Value, fieldAt, last, "Retrier");
                        break;
                    case "IntervalSeconds":
                        ValueChecks.Integer(session, property.Value, fieldAt, QueryLanguage.JsonPath, 1, 99_999_999);
                        break;
                    case "MaxAttempts":
                        ValueChecks.Integer(session, property.Value, fieldAt, QueryLanguage.JsonPath, 0, 99_999_999);
                        break;
                    case "BackoffRate":
                        ValueChecks.Number(session, property.Value, fieldAt, QueryLanguage.JsonPath, 1.0, double.MaxValue);
                        break;
                    case "MaxDelaySeconds":
                        ValueChecks.Integer(session, property.Value, fieldAt, QueryLanguage.JsonPath, 1, 31_622_400);
                        break;
                    case "JitterStrategy":
                        ValueChecks.Enum(session, property.Value, fieldAt, JitterStrategies);
                        break;
                    case "Comment":
                        ValueChecks.String(session, property.Value, fieldAt);
                        break;
                    default:
                        session.Schema(Messages.NotSupported(property.Name), at);
                        break;
                }
            }
        });

    public static void CheckCatch(ValidationSession session, JsonElement catchers, string location, QueryLanguage language, List<Transition> transitions) =>
        ForEachHandler(session, catchers, location, (catcher, at, last) =>
        {
            RequireErrorEquals(session, catcher, at, "Next");
            foreach (var property in catcher.EnumerateObject())
            {
                var fieldAt = $"{at}/{property.Name}";
                switch (property.Name)
                {
                    case "ErrorEquals":
                        CheckErrorEquals(session, property.Value, fieldAt, last, "Catcher");
                        break;
                    case "Next":
                        Transition.Collect(session, property.Value, fieldAt, transitions);
                        break;
                    case "ResultPath" when language == QueryLanguage.JsonPath:
                        StateValidator.CheckResultPath(session, property.Value, fieldAt);
                        break;
                    case "Output" when language == QueryLanguage.Jsonata:
                        JsonataExpressions.CheckPayload(session, property.Value, fieldAt, errorOutputInScope: true);
                        break;
                    case "ResultPath" or "Output":
                        session.WrongLanguage(language, property.Name, at);
                        break;
                    case "Assign":
                        AssignChecks.Check(session, property.Value, fieldAt, language, errorOutputInScope: true);
                        break;
                    case "Comment":
                        ValueChecks.String(session, property.Value, fieldAt);
                        break;
                    default:
                        session.Schema(Messages.NotSupported(property.Name), at);
                        break;
                }
            }
        });

    /// <summary>Visits each retrier or catcher object with its location and whether it is the last one.</summary>
    private static void ForEachHandler(ValidationSession session, JsonElement handlers, string location, Action<JsonElement, string, bool> check)
    {
        if (!ValueChecks.Array(session, handlers, location))
        {
            return;
        }

        var count = handlers.GetArrayLength();
        var index = 0;
        foreach (var handler in handlers.EnumerateArray())
        {
            var at = $"{location}[{index}]";
            var last = ++index == count;
            if (ValueChecks.Object(session, handler, at))
            {
                check(handler, at, last);
            }
        }
    }

    private static void RequireErrorEquals(ValidationSession session, JsonElement handler, string location, params string[] others)
    {
        var missing = new List<string>(2);
        foreach (var field in (string[])["ErrorEquals", .. others])
        {
            if (!handler.TryGetProperty(field, out _))
            {
                missing.Add(field);
            }
        }

        if (missing.Count > 0)
        {
            session.Schema(Messages.Required(missing), location);
        }
    }

    private static void CheckErrorEquals(ValidationSession session, JsonElement errors, string location, bool lastHandler, string handler)
    {
        if (!ValueChecks.NonEmptyArray(session, errors, location))
        {
            return;
        }

        var count = errors.GetArrayLength();
        var index = 0;
        foreach (var error in errors.EnumerateArray())
        {
            var at = $"{location}[{index++}]";
            if (!ValueChecks.String(session, error, at))
            {
                continue;
            }

            var name = error.GetString()!;
            if (!StatesErrorNames.IsAllowed(name))
            {
                session.Schema(Messages.UnknownStatesError(name), at);
            }
            else if (name == ErrorNames.All && count > 1)
            {
                session.Schema(Messages.StatesAllNotAlone, location);
            }
            else if (name == ErrorNames.All && !lastHandler)
            {
                session.Schema(Messages.StatesAllNotLast(handler), location);
            }
        }
    }
}
