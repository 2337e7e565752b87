using System.Text.Json;

namespace Asl;

/// <summary>Checks an Assign block: variable names, then the values as a JSONPath template or JSONata payload.</summary>
internal static class AssignChecks
{
    public static void Check(ValidationSession session, JsonElement assign, string location, QueryLanguage language, bool errorOutputInScope = false)
    {
        if (!ValueChecks.Object(session, assign, location))
        {
            return;
        }

        foreach (var property in assign.EnumerateObject())
        {
            var name = PayloadTemplates.OutputName(property.Name);
            if (language == QueryLanguage.Jsonata && name.Length != property.Name.Length)
            {
                // A '.$' key in a JSONata Assign is reported by the payload check below.
                continue;
            }

            if (name == VariableNames.Reserved)
            {
                session.Schema(Messages.ReservedVariableName(name), $"{location}/{property.Name}");
            }
            else if (!VariableNames.IsValid(name))
            {
                session.Schema(Messages.InvalidVariableName(name), $"{location}/{property.Name}");
            }
        }

        if (language == QueryLanguage.JsonPath)
        {
            PayloadTemplates.Check(session, assign, location);
        }
        else
        {
            JsonataExpressions.CheckPayload(session, assign, location, errorOutputInScope);
        }
    }
}
