using System.Globalization;
using System.Text.Json;

namespace StepFunctions.Local;

/// <summary>
/// Reads one operation's request members the way AWS's JSON 1.0 front end does: a member of the wrong JSON type is a
/// SerializationException, a null member counts as absent, unknown members are ignored, and constraint violations are
/// collected into one ValidationException ("2 validation errors detected: ...; ...").
/// </summary>
internal sealed class ApiRequest(JsonDocument document) : IDisposable
{
    private static readonly byte[] EmptyObject = "{}"u8.ToArray();

    private readonly List<string> _violations = [];

    public JsonElement Root => document.RootElement;

    public static ApiRequest Parse(ReadOnlyMemory<byte> body)
    {
        JsonDocument document;
        try
        {
            // An empty body is an empty request, as AWS's JSON 1.0 front end reads it.
            document = JsonDocument.Parse(body.IsEmpty ? EmptyObject : body, new JsonDocumentOptions { MaxDepth = 256 });
        }
        catch (JsonException e)
        {
            throw ApiException.Serialization($"The request body is not valid JSON: {e.Message}");
        }

        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            var found = Describe(document.RootElement.ValueKind);
            document.Dispose();
            throw ApiException.Serialization($"Expected a JSON object as the request body, found {found}.");
        }

        return new ApiRequest(document);
    }

    public void Dispose() => document.Dispose();

    public string? String(string name, int minLength = 0, int maxLength = int.MaxValue, bool required = false)
    {
        if (!TryGet(name, JsonValueKind.String, "a string", required, out var value))
        {
            return null;
        }

        var text = Text(value, name);
        if (text.Length < minLength)
        {
            Violate(name, text, $"Member must have length greater than or equal to {minLength}");
        }
        else if (text.Length > maxLength)
        {
            Violate(name, text, $"Member must have length less than or equal to {maxLength}");
        }

        return text;
    }

    /// <summary>A name (state machine, execution): AWS answers a missing one with ValidationException, a bad one with InvalidName.</summary>
    public string? Name(string member, bool required)
    {
        var name = String(member, required: required);
        if (name is not null && !Names.IsValid(name))
        {
            ThrowIfInvalid();
            throw new ApiException("InvalidName", $"Invalid Name: '{name}'");
        }

        return name;
    }

    public string? Enum(string name, IReadOnlyList<string> allowed, bool required = false)
    {
        var text = String(name, required: required);
        if (text is not null && !allowed.Contains(text, StringComparer.Ordinal))
        {
            Violate(name, text, $"Member must satisfy enum value set: [{string.Join(", ", allowed)}]");
        }

        return text;
    }

    public int? Integer(string name, int min, int max)
    {
        if (!TryGet(name, JsonValueKind.Number, "a number", false, out var value))
        {
            return null;
        }

        if (!value.TryGetInt32(out var number))
        {
            throw ApiException.Serialization($"The member '{name}' must be an integer, found {value.GetRawText()}.");
        }

        if (number < min)
        {
            Violate(name, number.ToString(CultureInfo.InvariantCulture), $"Member must have value greater than or equal to {min}");
        }
        else if (number > max)
        {
            Violate(name, number.ToString(CultureInfo.InvariantCulture), $"Member must have value less than or equal to {max}");
        }

        return number;
    }

    public bool? Boolean(string name) =>
        TryGet(name, JsonValueKind.True, "a boolean", false, out var value) ? value.GetBoolean() : null;

    public JsonElement? Object(string name, bool required = false) =>
        TryGet(name, JsonValueKind.Object, "an object", required, out var value) ? value : null;

    public JsonElement? Array(string name, bool required = false) =>
        TryGet(name, JsonValueKind.Array, "an array", required, out var value) ? value : null;

    /// <summary>A JSON string's text; invalid UTF-8 (which the parser lets through until read) is a SerializationException.</summary>
    public static string Text(JsonElement value, string member)
    {
        try
        {
            return value.GetString()!;
        }
        catch (InvalidOperationException)
        {
            throw ApiException.Serialization($"The member '{member}' is not valid UTF-8.");
        }
    }

    /// <summary>Throws the collected constraint violations as one ValidationException.</summary>
    public void ThrowIfInvalid()
    {
        if (_violations.Count > 0)
        {
            var count = _violations.Count == 1 ? "1 validation error" : $"{_violations.Count} validation errors";
            throw new ApiException("ValidationException", $"{count} detected: {string.Join("; ", _violations)}");
        }
    }

    /// <summary>Records a constraint violation in AWS's wording.</summary>
    public void Violate(string name, string? value, string constraint) =>
        _violations.Add($"Value {(value is null ? "null" : $"'{value}'")} at '{name}' failed to satisfy constraint: {constraint}");

    private bool TryGet(string name, JsonValueKind kind, string expected, bool required, out JsonElement value)
    {
        if (!Root.TryGetProperty(name, out value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                Violate(name, null, "Member must not be null");
            }

            return false;
        }

        var matches = kind == JsonValueKind.True ? value.ValueKind is JsonValueKind.True or JsonValueKind.False : value.ValueKind == kind;
        return matches ? true : throw ApiException.Serialization($"The member '{name}' must be {expected}, found {Describe(value.ValueKind)}.");
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
