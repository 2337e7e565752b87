namespace Asl;

/// <summary>How a state field is checked and in which query language it may appear.</summary>
internal readonly record struct FieldSpec(FieldKind Kind, FieldLanguage Language)
{
    public bool AllowedIn(QueryLanguage language) => IsAllowed(Language, language);

    public static bool IsAllowed(FieldLanguage field, QueryLanguage language) => field switch
    {
        FieldLanguage.JsonPathOnly => language == QueryLanguage.JsonPath,
        FieldLanguage.JsonataOnly => language == QueryLanguage.Jsonata,
        _ => true,
    };
}
