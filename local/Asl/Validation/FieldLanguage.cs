namespace Asl;

/// <summary>Which query language a field belongs to.</summary>
internal enum FieldLanguage
{
    Both,
    JsonPathOnly,
    JsonataOnly,
}
