using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Asl;

/// <summary>
/// Step Functions Local's <c>MockConfigFile.json</c>: StateMachines → TestCases → state → mocked response name, and
/// MockedResponses → invocation index (<c>"0"</c>) or inclusive range (<c>"1-2"</c>) → Return or Throw.
/// </summary>
public sealed class MockConfiguration
{
    private readonly Dictionary<string, Dictionary<string, Dictionary<string, string>>> _machines;
    private readonly Dictionary<string, List<(int From, int To, MockedResponse Response)>> _responses;

    private MockConfiguration(
        string source,
        Dictionary<string, Dictionary<string, Dictionary<string, string>>> machines,
        Dictionary<string, List<(int From, int To, MockedResponse Response)>> responses)
    {
        Source = source;
        _machines = machines;
        _responses = responses;
    }

    /// <summary>Where the configuration came from (the file name), used in every error message.</summary>
    public string Source { get; }

    /// <summary>Reads and parses a mock configuration file.</summary>
    public static MockConfiguration Load(string path) => Parse(File.ReadAllText(path), path);

    /// <summary>Parses mock configuration text; <paramref name="source"/> names it in error messages.</summary>
    public static MockConfiguration Parse(string json, string source)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json);
        }
        catch (JsonException e)
        {
            throw new FormatException($"{source}: not valid JSON: {e.Message}", e);
        }

        if (root is not JsonObject top)
        {
            throw new FormatException($"{source}: the top level must be an object with StateMachines and MockedResponses.");
        }

        var machines = new Dictionary<string, Dictionary<string, Dictionary<string, string>>>(StringComparer.Ordinal);
        foreach (var (machineName, machine) in top["StateMachines"] as JsonObject ?? [])
        {
            var cases = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
            foreach (var (caseName, testCase) in (machine as JsonObject)?["TestCases"] as JsonObject ?? [])
            {
                cases[caseName] = (testCase as JsonObject ?? []).ToDictionary(
                    p => p.Key,
                    p => p.Value is JsonValue v && v.TryGetValue<string>(out var name)
                        ? name
                        : throw new FormatException($"{source}: StateMachines.{machineName}.TestCases.{caseName}.{p.Key} must name a mocked response."),
                    StringComparer.Ordinal);
            }

            machines[machineName] = cases;
        }

        var responses = new Dictionary<string, List<(int, int, MockedResponse)>>(StringComparer.Ordinal);
        foreach (var (responseName, response) in top["MockedResponses"] as JsonObject ?? top["MockedResponse"] as JsonObject ?? [])
        {
            var entries = new List<(int, int, MockedResponse)>();
            foreach (var (key, entry) in response as JsonObject ?? [])
            {
                entries.Add((ParseFrom(key, source, responseName), ParseTo(key, source, responseName), ParseEntry(entry, source, responseName, key)));
            }

            responses[responseName] = entries;
        }

        return new MockConfiguration(source, machines, responses);
    }

    /// <summary>
    /// Finds the mocked response for one invocation. Returns false when the state is not mocked in the test case
    /// (it then runs for real, Step Functions Local's hybrid mode); throws with a message naming the file, case,
    /// state and index where Step Functions Local would fail silently.
    /// </summary>
    public bool TryGetResponse(string stateMachineName, string testCase, string stateName, int invocationIndex, out MockedResponse? response)
    {
        response = null;
        if (!_machines.TryGetValue(stateMachineName, out var cases))
        {
            throw new StatesErrorException(ErrorNames.Runtime, $"{Source}: the state machine '{stateMachineName}' has no entry under StateMachines (test case '{testCase}').") { IsTerminal = true };
        }

        if (!cases.TryGetValue(testCase, out var states))
        {
            throw new StatesErrorException(ErrorNames.Runtime, $"{Source}: the state machine '{stateMachineName}' has no test case '{testCase}'.") { IsTerminal = true };
        }

        if (!states.TryGetValue(stateName, out var responseName))
        {
            return false;
        }

        if (!_responses.TryGetValue(responseName, out var entries))
        {
            throw new StatesErrorException(ErrorNames.Runtime, $"{Source}: test case '{testCase}' maps the state '{stateName}' to the mocked response '{responseName}', which is not defined under MockedResponses.") { IsTerminal = true };
        }

        foreach (var (from, to, entry) in entries)
        {
            if (invocationIndex >= from && invocationIndex <= to)
            {
                response = entry;
                return true;
            }
        }

        throw new StatesErrorException(ErrorNames.Runtime, $"{Source}: the mocked response '{responseName}' (test case '{testCase}', state '{stateName}') has no entry for invocation index {invocationIndex}.") { IsTerminal = true };
    }

    private static int ParseFrom(string key, string source, string responseName) => ParseBound(key.Split('-')[0], key, source, responseName);

    private static int ParseTo(string key, string source, string responseName)
    {
        var parts = key.Split('-');
        return parts.Length switch
        {
            1 => ParseBound(parts[0], key, source, responseName),
            2 => ParseBound(parts[1], key, source, responseName),
            _ => throw BadKey(key, source, responseName),
        };
    }

    private static int ParseBound(string text, string key, string source, string responseName) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : throw BadKey(key, source, responseName);

    private static FormatException BadKey(string key, string source, string responseName) =>
        new($"{source}: MockedResponses.{responseName} has the key '{key}'; keys are invocation indexes like \"0\" or ranges like \"1-2\".");

    private static MockedResponse ParseEntry(JsonNode? entry, string source, string responseName, string key)
    {
        if (entry is JsonObject body && body.TryGetPropertyValue("Return", out var result) && !body.ContainsKey("Throw"))
        {
            return new MockedResponse(result?.DeepClone(), null, null);
        }

        if (entry is JsonObject failure && failure["Throw"] is JsonObject thrown && !failure.ContainsKey("Return"))
        {
            return new MockedResponse(null, thrown["Error"]?.GetValue<string>() ?? string.Empty, thrown["Cause"]?.GetValue<string>());
        }

        throw new FormatException($"{source}: MockedResponses.{responseName}.{key} must have exactly one of Return or Throw.");
    }
}
