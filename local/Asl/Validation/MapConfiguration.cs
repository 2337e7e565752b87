using System.Collections.Frozen;
using System.Text.Json;

namespace Asl;

/// <summary>Checks the Distributed Map configuration objects: ProcessorConfig, ItemReader, ItemBatcher and ResultWriter.</summary>
internal static class MapConfiguration
{
    private static readonly string[] Modes = ["INLINE", "DISTRIBUTED"];
    private static readonly string[] ExecutionTypes = ["STANDARD", "EXPRESS"];
    private static readonly string[] ReaderResources = ["arn:aws:states:::s3:getObject", "arn:aws:states:::s3:listObjectsV2"];
    private static readonly string[] WriterResources = ["arn:aws:states:::s3:putObject"];
    private static readonly string[] InputTypes = ["CSV", "JSON", "JSONL", "MANIFEST", "PARQUET"];
    private static readonly string[] HeaderLocations = ["FIRST_ROW", "GIVEN"];
    private static readonly string[] Delimiters = ["COMMA", "PIPE", "SEMICOLON", "SPACE", "TAB"];
    private static readonly string[] ManifestTypes = ["ATHENA_DATA", "S3_INVENTORY"];
    private static readonly string[] OutputTypes = ["JSON", "JSONL"];
    private static readonly string[] Transformations = ["NONE", "COMPACT", "FLATTEN"];

    private static readonly FrozenDictionary<string, (FieldLanguage, ObjectFieldCheck)> ProcessorConfigFields = Fields(new()
    {
        ["Mode"] = (FieldLanguage.Both, Enum(Modes)),
        ["ExecutionType"] = (FieldLanguage.Both, Enum(ExecutionTypes)),
    });

    private static readonly FrozenDictionary<string, (FieldLanguage, ObjectFieldCheck)> ReaderConfigFields = Fields(new()
    {
        ["InputType"] = (FieldLanguage.Both, Enum(InputTypes)),
        ["CSVHeaderLocation"] = (FieldLanguage.Both, Enum(HeaderLocations)),
        ["CSVHeaders"] = (FieldLanguage.Both, Strings),
        ["CSVDelimiter"] = (FieldLanguage.Both, Enum(Delimiters)),
        ["ManifestType"] = (FieldLanguage.Both, Enum(ManifestTypes)),
        ["MaxItems"] = (FieldLanguage.Both, Count(100_000_000)),
        ["MaxItemsPath"] = (FieldLanguage.JsonPathOnly, ReferencePath),
    });

    private static readonly FrozenDictionary<string, (FieldLanguage, ObjectFieldCheck)> ReaderFields = Fields(new()
    {
        ["Resource"] = (FieldLanguage.Both, Enum(ReaderResources)),
        ["ReaderConfig"] = (FieldLanguage.Both, Nested(
            ReaderConfigFields,
            [["MaxItems", "MaxItemsPath"]],
            requiredWhen: config => Is(config, "CSVHeaderLocation", "GIVEN") ? "CSVHeaders" : null)),
        ["Parameters"] = (FieldLanguage.JsonPathOnly, Payload),
        ["Arguments"] = (FieldLanguage.JsonataOnly, Payload),
    });

    private static readonly FrozenDictionary<string, (FieldLanguage, ObjectFieldCheck)> BatcherFields = Fields(new()
    {
        ["MaxItemsPerBatch"] = (FieldLanguage.Both, Count(long.MaxValue)),
        ["MaxItemsPerBatchPath"] = (FieldLanguage.JsonPathOnly, ReferencePath),
        ["MaxInputBytesPerBatch"] = (FieldLanguage.Both, Count(262_144)),
        ["MaxInputBytesPerBatchPath"] = (FieldLanguage.JsonPathOnly, ReferencePath),
        ["BatchInput"] = (FieldLanguage.Both, Payload),
    });

    private static readonly FrozenDictionary<string, (FieldLanguage, ObjectFieldCheck)> WriterConfigFields = Fields(new()
    {
        ["OutputType"] = (FieldLanguage.Both, Enum(OutputTypes)),
        ["Transformation"] = (FieldLanguage.Both, Enum(Transformations)),
    });

    private static readonly FrozenDictionary<string, (FieldLanguage, ObjectFieldCheck)> WriterFields = Fields(new()
    {
        ["Resource"] = (FieldLanguage.Both, Enum(WriterResources)),
        ["Parameters"] = (FieldLanguage.JsonPathOnly, Payload),
        ["Arguments"] = (FieldLanguage.JsonataOnly, Payload),
        ["WriterConfig"] = (FieldLanguage.Both, Nested(WriterConfigFields)),
    });

    // A DISTRIBUTED Map must say how its child executions run; an INLINE one has none to configure.
    public static readonly ObjectFieldCheck ProcessorConfig = Nested(
        ProcessorConfigFields,
        requiredWhen: config => Is(config, "Mode", "DISTRIBUTED") ? "ExecutionType" : null,
        forbiddenWhen: config => Is(config, "Mode", "DISTRIBUTED") ? null : "ExecutionType");

    public static readonly ObjectFieldCheck ItemReader = Nested(ReaderFields, required: "Resource");

    public static readonly ObjectFieldCheck ItemBatcher =
        Nested(BatcherFields, exclusive: [["MaxItemsPerBatch", "MaxItemsPerBatchPath"], ["MaxInputBytesPerBatch", "MaxInputBytesPerBatchPath"]]);

    public static readonly ObjectFieldCheck ResultWriter = Nested(WriterFields);

    /// <summary>Checks an object's fields against a table: unknown fields, fields of the other query language, values.</summary>
    public static void CheckFields(
        ValidationSession session,
        JsonElement obj,
        string location,
        QueryLanguage language,
        IReadOnlyDictionary<string, (FieldLanguage Language, ObjectFieldCheck Check)> fields)
    {
        foreach (var property in obj.EnumerateObject())
        {
            if (!fields.TryGetValue(property.Name, out var field))
            {
                session.Schema(Messages.NotSupported(property.Name), location);
            }
            else if (!FieldSpec.IsAllowed(field.Language, language))
            {
                session.WrongLanguage(language, property.Name, location);
            }
            else
            {
                field.Check(session, property.Value, $"{location}/{property.Name}", language);
            }
        }
    }

    private static ObjectFieldCheck Nested(
        FrozenDictionary<string, (FieldLanguage, ObjectFieldCheck)> fields,
        string[][]? exclusive = null,
        string? required = null,
        Func<JsonElement, string?>? requiredWhen = null,
        Func<JsonElement, string?>? forbiddenWhen = null) =>
        (session, value, location, language) =>
        {
            if (!ValueChecks.Object(session, value, location))
            {
                return;
            }

            if ((required ?? requiredWhen?.Invoke(value)) is { } missing && !value.TryGetProperty(missing, out _))
            {
                session.Schema(Messages.Required([missing]), location);
            }

            if (forbiddenWhen?.Invoke(value) is { } forbidden && value.TryGetProperty(forbidden, out _))
            {
                session.Schema(Messages.NotSupported(forbidden), location);
            }

            session.OnlyOneOf(value, location, exclusive ?? []);
            CheckFields(session, value, location, language, fields);
        };

    private static bool Is(JsonElement obj, string field, string expected) =>
        obj.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() == expected;

    private static ObjectFieldCheck Enum(string[] allowed) =>
        (session, value, location, _) => ValueChecks.Enum(session, value, location, allowed);

    private static ObjectFieldCheck Count(long maximum) =>
        (session, value, location, language) => ValueChecks.Integer(session, value, location, language, 0, maximum);

    private static void Strings(ValidationSession session, JsonElement value, string location, QueryLanguage language)
    {
        if (!ValueChecks.Array(session, value, location))
        {
            return;
        }

        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            ValueChecks.String(session, item, $"{location}[{index++}]");
        }
    }

    private static void ReferencePath(ValidationSession session, JsonElement value, string location, QueryLanguage language) =>
        StateValidator.CheckReferencePath(session, value, location);

    private static void Payload(ValidationSession session, JsonElement value, string location, QueryLanguage language) =>
        StateValidator.CheckPayload(session, value, location, language);

    private static FrozenDictionary<string, (FieldLanguage, ObjectFieldCheck)> Fields(Dictionary<string, (FieldLanguage, ObjectFieldCheck)> fields) =>
        fields.ToFrozenDictionary(StringComparer.Ordinal);
}
