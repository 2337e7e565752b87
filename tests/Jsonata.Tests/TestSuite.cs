using System.Text.Json.Nodes;

namespace Jsonata.Tests;

/// <summary>Finds and loads the official test suite that sits next to the repository in shared/.</summary>
public static class TestSuite
{
    private static readonly Lazy<IReadOnlyDictionary<string, SuiteCase>> AllCases = new(Load);

    public static IReadOnlyDictionary<string, SuiteCase> Cases => AllCases.Value;

    public static string Root
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Workers.sln")))
            {
                dir = dir.Parent;
            }

            if (dir?.Parent is null)
            {
                throw new DirectoryNotFoundException("Repository root (the folder holding Workers.sln) not found above " + AppContext.BaseDirectory);
            }

            return Path.Combine(dir.Parent.FullName, "shared", "jsonata-test-suite");
        }
    }

    private static Dictionary<string, SuiteCase> Load()
    {
        var root = Root;
        var datasets = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(Path.Combine(root, "datasets"), "*.json"))
        {
            datasets[Path.GetFileNameWithoutExtension(file)] = JsonNode.Parse(File.ReadAllText(file));
        }

        var cases = new Dictionary<string, SuiteCase>(StringComparer.Ordinal);
        foreach (var groupDir in Directory.GetDirectories(Path.Combine(root, "groups")).Order(StringComparer.Ordinal))
        {
            var group = Path.GetFileName(groupDir);
            foreach (var file in Directory.GetFiles(groupDir, "*.json").Order(StringComparer.Ordinal))
            {
                var name = group + "/" + Path.GetFileNameWithoutExtension(file);
                var node = JsonNode.Parse(File.ReadAllText(file));
                if (node is JsonArray list)
                {
                    for (var i = 0; i < list.Count; i++)
                    {
                        var id = $"{name}[{i}]";
                        cases[id] = ToCase(id, (JsonObject)list[i]!, groupDir, datasets);
                    }
                }
                else
                {
                    cases[name] = ToCase(name, (JsonObject)node!, groupDir, datasets);
                }
            }
        }

        return cases;
    }

    private static string ReadString(JsonNode node)
    {
        try
        {
            return node.GetValue<string>();
        }
        catch (InvalidOperationException)
        {
            // Lone surrogates are legal JSON but System.Text.Json will not decode them; a JSONata string literal can.
            return JsonataExpression.Compile(node.GetValue<System.Text.Json.JsonElement>().GetRawText()).EvaluateUndefined().Value!.GetValue<string>();
        }
    }

    private static SuiteCase ToCase(string id, JsonObject o, string groupDir, Dictionary<string, JsonNode?> datasets)
    {
        var expr = o["expr"] is JsonNode e ? ReadString(e) : File.ReadAllText(Path.Combine(groupDir, o["expr-file"]!.GetValue<string>()));
        var hasInput = true;
        JsonNode? input;
        if (o.ContainsKey("data"))
        {
            input = o["data"]?.DeepClone();
        }
        else if (o["dataset"] is JsonValue ds)
        {
            input = datasets[ds.GetValue<string>()]?.DeepClone();
        }
        else
        {
            input = null;
            hasInput = false;
        }

        return new SuiteCase(
            id,
            expr,
            hasInput,
            input,
            o["bindings"] as JsonObject,
            o["result"]?.DeepClone(),
            o.ContainsKey("undefinedResult") || (!o.ContainsKey("result") && !o.ContainsKey("code") && o["error"] is null),
            o["code"]?.GetValue<string>() ?? o["error"]?["code"]?.GetValue<string>(),
            o["token"]?.GetValue<string>() ?? o["error"]?["token"]?.GetValue<string>(),
            o["timelimit"]?.GetValue<int>(),
            o["depth"]?.GetValue<int>());
    }
}
