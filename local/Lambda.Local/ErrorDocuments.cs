using System.Text.Json;

namespace Lambda.Local;

/// <summary>
/// Lambda's error document, <c>{"errorMessage":...,"errorType":...}</c>: the shape of a function error in an Invoke
/// response and of the Runtime API's own error answers, with the texts Lambda uses for the failures it detects.
/// </summary>
internal static class ErrorDocuments
{
    public static byte[] Create(string errorType, string errorMessage)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("errorMessage", errorMessage);
            writer.WriteString("errorType", errorType);
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    public static byte[] ResponseTooLarge() =>
        Create("Function.ResponseSizeTooLarge", $"Response payload size exceeded maximum allowed payload size ({LambdaLimits.RuntimePayloadBytes} bytes).");

    /// <summary>
    /// The document for an error a runtime posted: its body when that is a JSON object, otherwise one built from the
    /// <c>Lambda-Runtime-Function-Error-Type</c> header, as Lambda does when the body is missing or unreadable.
    /// </summary>
    public static ReadOnlyMemory<byte> FromRuntime(ReadOnlyMemory<byte> body, string? errorTypeHeader)
    {
        if (IsJsonObject(body.Span))
        {
            return body;
        }

        var type = string.IsNullOrEmpty(errorTypeHeader) ? "Runtime.Unknown" : errorTypeHeader;
        return Create(type, System.Text.Encoding.UTF8.GetString(body.Span));
    }

    /// <summary>The top-level <c>errorType</c> string of an error document, or null.</summary>
    public static string? ErrorType(ReadOnlySpan<byte> document)
    {
        try
        {
            var reader = new Utf8JsonReader(document);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isErrorType = reader.ValueTextEquals("errorType"u8);
                reader.Read();
                if (isErrorType && reader.TokenType == JsonTokenType.String)
                {
                    return reader.GetString();
                }

                reader.Skip();
            }

            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool IsJsonObject(ReadOnlySpan<byte> json)
    {
        try
        {
            var reader = new Utf8JsonReader(json);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            reader.Skip();
            return !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
