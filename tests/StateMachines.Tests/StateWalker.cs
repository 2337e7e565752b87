using System.Text.Json.Nodes;

namespace StateMachines.Tests;

/// <summary>Every state of a definition, nested Map and Parallel states included, with its query language.</summary>
internal static class StateWalker
{
    public static IEnumerable<(string Name, JsonObject State, bool Jsonata)> States(string file)
    {
        var root = JsonNode.Parse(Definitions.Read(file))!.AsObject();
        return Walk(root, root["QueryLanguage"]?.GetValue<string>() == "JSONata");
    }

    private static IEnumerable<(string Name, JsonObject State, bool Jsonata)> Walk(JsonObject machine, bool jsonata)
    {
        foreach (var (name, node) in machine["States"]!.AsObject())
        {
            var state = node!.AsObject();
            var stateJsonata = state["QueryLanguage"] is { } language ? language.GetValue<string>() == "JSONata" : jsonata;
            yield return (name, state, stateJsonata);
            var children = state["ItemProcessor"] ?? state["Iterator"];
            var nested = children is null ? [] : new[] { children.AsObject() };
            foreach (var branch in nested.Concat(state["Branches"]?.AsArray().Select(b => b!.AsObject()) ?? []))
            {
                foreach (var inner in Walk(branch, stateJsonata))
                {
                    yield return inner;
                }
            }
        }
    }

    public static bool IsLambdaTask(JsonObject state) =>
        state["Type"]?.GetValue<string>() == "Task" && state["Resource"]?.GetValue<string>() == "arn:aws:states:::lambda:invoke";
}
