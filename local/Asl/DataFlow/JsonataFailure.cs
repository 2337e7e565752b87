using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Jsonata;

namespace Asl;

/// <summary>AWS's <c>States.QueryEvaluationError</c> causes, naming the expression and the field it was written in.</summary>
internal static class JsonataFailure
{
    public const string QueryEvaluationError = "States.QueryEvaluationError";

    public static StatesErrorException Undefined(in StateVisit visit, string expression, string field) =>
        Raise(visit, expression, field, "returned nothing (undefined).");

    public static StatesErrorException Unsupported(in StateVisit visit, string expression, string field) =>
        Raise(visit, expression, field, "returned an unsupported result type.");

    public static StatesErrorException Threw(in StateVisit visit, string expression, string field, JsonataException exception) =>
        Raise(visit, expression, field, $"threw an error during evaluation. {Describe(exception)}");

    public static StatesErrorException UnexpectedType(in StateVisit visit, string expression, string field, string expected, JsonNode? value) =>
        Raise(visit, expression, field, $"returned an unexpected result type. Expected '{expected}', but was '{TypeName(value)}' for value: {HistoryEventDetails.Encode(value)}");

    public static StatesErrorException Raise(in StateVisit visit, string message) =>
        new(QueryEvaluationError, $"An error occurred while executing the state '{visit.State.Name}' (entered at the event id #{visit.Entered.Id}). {message}");

    public static string TypeName(JsonNode? value) => value?.GetValueKind() switch
    {
        null or JsonValueKind.Null => "null",
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        _ => "boolean",
    };

    private static StatesErrorException Raise(in StateVisit visit, string expression, string field, string reason) =>
        Raise(visit, $"The JSONata expression '{expression}' specified for the field '{field}' {reason}");

    // AWS quotes the error code and text without the reference implementation's "at position N".
    private static string Describe(JsonataException exception)
    {
        var message = exception.Message;
        var prefix = string.Create(CultureInfo.InvariantCulture, $"{exception.Code} at position {exception.Position}: ");
        return message.StartsWith(prefix, StringComparison.Ordinal) ? $"{exception.Code}: {message[prefix.Length..]}" : message;
    }
}
