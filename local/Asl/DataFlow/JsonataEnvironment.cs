using System.Text.Json.Nodes;
using Jsonata;

namespace Asl;

/// <summary>
/// What a JSONata expression sees in one state visit: the visible workflow variables, <c>$states</c>, the functions
/// AWS adds, no <c>$eval</c>, the execution's clock for <c>$now()</c> and a time limit so no expression can hang
/// an execution.
/// </summary>
internal static class JsonataEnvironment
{
    /// <summary>Longest a single expression may evaluate before it fails with U1002.</summary>
    public static readonly TimeSpan TimeLimit = TimeSpan.FromSeconds(5);

    public static JsonataBindings Bind(in StateVisit visit, in JsonataStates states)
    {
        var bindings = new JsonataBindings();
        foreach (var (name, value) in visit.Frame.Scope.Visible())
        {
            bindings.Variable(name, value);
        }

        var members = new JsonObject
        {
            ["input"] = states.Input?.DeepClone(),
            ["context"] = visit.BuildContext(),
        };
        if (states.HasResult)
        {
            members["result"] = states.Result?.DeepClone();
        }

        if (states.HasErrorOutput)
        {
            members["errorOutput"] = states.ErrorOutput?.DeepClone();
        }

        bindings.Variable("states", members);
        JsonataFunctions.Register(bindings, visit.Frame.Run.Random);
        return bindings.Remove("eval");
    }

    public static JsonataOptions Options(in StateVisit visit) => new()
    {
        TimeLimit = TimeLimit,
        TimeProvider = new ClockTimeProvider(visit.Frame.Clock),
    };
}
