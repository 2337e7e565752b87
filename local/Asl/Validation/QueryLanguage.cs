namespace Asl;

/// <summary>The query language in force for a state: JSONPath unless the machine or the state says JSONata.</summary>
internal enum QueryLanguage
{
    JsonPath,
    Jsonata,
}
