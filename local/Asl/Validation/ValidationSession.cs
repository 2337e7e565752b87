using System.Text.Json;

namespace Asl;

/// <summary>What one validation run knows about the whole machine, and the diagnostics it has found so far.</summary>
internal sealed class ValidationSession
{
    private readonly List<AslDiagnostic> _diagnostics = [];

    // State names are unique across the whole machine, branches and item processors included.
    private readonly HashSet<string> _stateNames = new(StringComparer.Ordinal);

    public ValidationSession(StateMachineType machineType, QueryLanguage machineLanguage)
    {
        MachineType = machineType;
        MachineLanguage = machineLanguage;
    }

    /// <summary>
    /// The workflow type the states being checked run as: the machine's, or EXPRESS inside a Distributed Map whose
    /// child executions are EXPRESS.
    /// </summary>
    public StateMachineType MachineType { get; private set; }

    /// <summary>The language states default to, inside Parallel branches and Map processors too.</summary>
    public QueryLanguage MachineLanguage { get; }

    public IReadOnlyList<AslDiagnostic> Diagnostics => _diagnostics;

    public void Report(string code, string message, string? location) => _diagnostics.Add(new AslDiagnostic(code, message, location));

    public void Schema(string message, string? location) => Report(DiagnosticCode.SchemaValidationFailed, message, location);

    /// <summary>
    /// Reports a field of the other query language. AWS points a JSONata-only field in a JSONPath object at the object,
    /// and a JSONPath-only field in a JSONata object at the field itself.
    /// </summary>
    public void WrongLanguage(QueryLanguage language, string field, string objectLocation) =>
        Schema(Messages.WrongQueryLanguage(language, field), language == QueryLanguage.JsonPath ? objectLocation : $"{objectLocation}/{field}");

    /// <summary>Reports each group of mutually exclusive fields of which the object declares more than one.</summary>
    public void OnlyOneOf(JsonElement obj, string location, params string[][] groups)
    {
        foreach (var group in groups)
        {
            string? first = null;
            var count = 0;
            foreach (var field in group)
            {
                if (obj.TryGetProperty(field, out _))
                {
                    first ??= field;
                    count++;
                }
            }

            if (count > 1)
            {
                Schema(Messages.OnlyOneOf(group), $"{location}/{first}");
            }
        }
    }

    /// <summary>Runs a check of nested states as child executions of the given type.</summary>
    public void AsChildExecutions(StateMachineType type, Action check)
    {
        var outer = MachineType;
        MachineType = type;
        try
        {
            check();
        }
        finally
        {
            MachineType = outer;
        }
    }

    /// <summary>Records a state name; false when another state already has it.</summary>
    public bool ClaimStateName(string name) => _stateNames.Add(name);
}
