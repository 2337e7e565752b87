using System.Text.Json;

namespace Asl;

/// <summary>A state name a field transitions to, and where that field is.</summary>
internal readonly record struct Transition(string Target, string Location)
{
    /// <summary>Records a Next, Default or StartAt value once it is known to be a string.</summary>
    public static void Collect(ValidationSession session, JsonElement value, string location, List<Transition> transitions)
    {
        if (ValueChecks.String(session, value, location))
        {
            transitions.Add(new Transition(value.GetString()!, location));
        }
    }
}
