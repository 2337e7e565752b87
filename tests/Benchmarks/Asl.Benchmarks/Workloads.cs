namespace Asl.Benchmarks;

/// <summary>The two benchmark workloads, identical for both engines (the Node script reads the same files).</summary>
internal static class Workloads
{
    public const int Iterations = 10_000;

    /// <summary>Pass with States.MathAdd + Choice, 10,000 times: 20,001 state transitions.</summary>
    public const string Loop = """
        {"StartAt":"Increment","States":{
          "Increment":{"Type":"Pass","Parameters":{"i.$":"States.MathAdd($.i, 1)"},"Next":"More"},
          "More":{"Type":"Choice","Choices":[{"Variable":"$.i","NumericLessThan":10000,"Next":"Increment"}],"Default":"Done"},
          "Done":{"Type":"Succeed"}}}
        """;

    public const string LoopInput = """{"i":0}""";

    /// <summary>An inline Map over 10,000 items with a Pass iterator: 10,001 state transitions.</summary>
    public const string Map = """
        {"StartAt":"Each","States":{
          "Each":{"Type":"Map","ItemsPath":"$.items","ItemProcessor":{"StartAt":"Touch","States":{"Touch":{"Type":"Pass","End":true}}},"End":true}}}
        """;

    public static string MapInput => "{\"items\":[" + string.Join(",", Enumerable.Range(0, Iterations)) + "]}";
}
