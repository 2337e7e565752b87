using System.Text.Json.Nodes;

namespace Asl.JsonPath;

/// <summary>Resolves workflow variables (<c>$name</c>) visible to the state being evaluated.</summary>
public interface IVariableLookup
{
    /// <summary>Looks a variable up by name; false when no variable of that name is in scope.</summary>
    bool TryGetVariable(string name, out JsonNode? value);
}
