using System.Text.Json.Nodes;

namespace Jsonata.Tests;

public class OfficialSuiteTests
{
    public static TheoryData<string> CaseIds()
    {
        var data = new TheoryData<string>();
        foreach (var id in TestSuite.Cases.Keys)
        {
            if (!KnownFailures.Cases.ContainsKey(id))
            {
                data.Add(id);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void Evaluate_SuiteCase_MatchesReference(string id)
    {
        var c = TestSuite.Cases[id];

        var outcome = SuiteRunner.Run(c);

        Assert.True(outcome.Passed, outcome.Detail);
    }

    [Fact]
    public void KnownFailures_EveryEntry_NamesAnExistingCase()
    {
        var unknown = KnownFailures.Cases.Keys.Where(k => !TestSuite.Cases.ContainsKey(k)).ToList();

        Assert.Empty(unknown);
    }

    [Fact]
    public void Suite_IsPresent_HasOverAThousandCases()
    {
        Assert.True(TestSuite.Cases.Count > 1000, $"found {TestSuite.Cases.Count} cases under {TestSuite.Root}");
    }

    internal static bool JsonEquals(JsonNode? a, JsonNode? b) => SuiteRunner.JsonEquals(a, b);
}
