using System.Text.Json.Nodes;

namespace Asl;

/// <summary>
/// Applies a state's Assign when it exits: an inner scope (Map iteration, Parallel branch) may not assign a name
/// of an enclosing scope, and AWS's quotas hold (256 KiB per state's assignments, 10 MiB of variables in all).
/// </summary>
internal static class VariableAssignment
{
    public const long MaxAssignBytes = JsonLimits.MaxPayloadBytes;
    public const long MaxTotalBytes = 10L * 1024 * 1024;

    public static void Apply(in StateVisit visit, IReadOnlyDictionary<string, JsonNode?> assigned)
    {
        var scope = visit.Frame.Scope;
        var sizes = new Dictionary<string, long>(assigned.Count, StringComparer.Ordinal);
        long bytes = 0;
        foreach (var (name, value) in assigned)
        {
            if (scope.Parent is { } outer && outer.TryGetVariable(name, out _))
            {
                throw visit.RuntimeFailure($"The variable '{name}' is declared in an outer scope and cannot be assigned inside a Map iteration or Parallel branch.");
            }

            sizes[name] = JsonLimits.Measure(value);
            bytes += sizes[name];
        }

        if (bytes > MaxAssignBytes)
        {
            throw TooLarge(visit, $"The variables assigned by the state '{visit.State.Name}' have a size of {bytes} bytes, exceeding the maximum of {MaxAssignBytes} bytes per state.");
        }

        var total = (scope.Parent?.TotalBytes ?? 0) + scope.BytesAfter(sizes);
        if (total > MaxTotalBytes)
        {
            throw TooLarge(visit, $"The variables of the execution would have a size of {total} bytes, exceeding the maximum of {MaxTotalBytes} bytes.");
        }

        scope.Assign(assigned, sizes);
    }

    private static StatesErrorException TooLarge(in StateVisit visit, string message) =>
        visit.RuntimeFailure(message, ErrorNames.DataLimitExceeded);
}
