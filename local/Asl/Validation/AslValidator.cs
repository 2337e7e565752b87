using System.Text;
using System.Text.Json;

namespace Asl;

/// <summary>Checks a definition the way AWS does at CreateStateMachine, reporting every problem at once.</summary>
public static class AslValidator
{
    /// <summary>The longest definition AWS accepts, in characters; the API rejects longer ones with a ValidationException.</summary>
    public const int MaxDefinitionLength = 1_048_576;

    /// <summary>The deepest JSON nesting accepted, as AWS's parser allows.</summary>
    public const int MaxNestingDepth = 1000;

    /// <summary>Validates definition text; an empty list means AWS would accept it.</summary>
    /// <remarks>
    /// Diagnostics come in definition order. Never throws for bad input: malformed JSON, a definition over the size
    /// limit or a hostile nesting depth each come back as a diagnostic.
    /// </remarks>
    public static IReadOnlyList<AslDiagnostic> Validate(string definitionJson, StateMachineType type)
    {
        ArgumentNullException.ThrowIfNull(definitionJson);
        if (definitionJson.Length > MaxDefinitionLength)
        {
            return [new AslDiagnostic(DiagnosticCode.SchemaValidationFailed, Messages.DefinitionTooLong, null)];
        }

        if (string.IsNullOrWhiteSpace(definitionJson))
        {
            return [new AslDiagnostic(DiagnosticCode.SchemaValidationFailed, Messages.NotAnObject, null)];
        }

        JsonDocument document;
        try
        {
            document = Parse(definitionJson);
        }
        catch (JsonException exception)
        {
            return [JsonSyntaxErrorDescriber.Describe(definitionJson, ParserProblem(exception))];
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return [new AslDiagnostic(DiagnosticCode.SchemaValidationFailed, Messages.NotAnObject, null)];
            }

            var session = new ValidationSession(type, MachineLanguage(root));
            ScopeValidator.CheckMachine(session, root);
            return session.Diagnostics;
        }
    }

    /// <summary>Validates and throws AWS's InvalidDefinition when anything is wrong.</summary>
    /// <exception cref="InvalidDefinitionException">The definition has at least one problem.</exception>
    public static void EnsureValid(string definitionJson, StateMachineType type)
    {
        var diagnostics = Validate(definitionJson, type);
        if (diagnostics.Count > 0)
        {
            throw new InvalidDefinitionException(diagnostics);
        }
    }

    // Like AWS's parser, read the first JSON value and ignore anything after it.
    private static JsonDocument Parse(string definitionJson)
    {
        var reader = new Utf8JsonReader(
            Encoding.UTF8.GetBytes(definitionJson),
            new JsonReaderOptions { AllowMultipleValues = true, MaxDepth = MaxNestingDepth });
        return JsonDocument.ParseValue(ref reader);
    }

    private static string ParserProblem(JsonException exception) =>
        exception.Message.Contains("depth", StringComparison.OrdinalIgnoreCase)
            ? $"Document nesting depth exceeds the maximum allowed ({MaxNestingDepth})"
            : exception.Message;

    /// <summary>Only the exact string "JSONPath" asks for JSONPath; any other declared value makes the machine JSONata.</summary>
    private static QueryLanguage MachineLanguage(JsonElement root) =>
        root.TryGetProperty("QueryLanguage", out var declared) && !(declared.ValueKind == JsonValueKind.String && declared.GetString() == "JSONPath")
            ? QueryLanguage.Jsonata
            : QueryLanguage.JsonPath;
}
