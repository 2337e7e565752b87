namespace Asl;

/// <summary>One Choice rule: its condition, the state it leads to and, when it carries Assign/Output, its own data flow.</summary>
internal sealed record ChoiceRule(ChoiceCondition Condition, string NextName)
{
    public StateDataFlow? Flow { get; init; }

    public StateNode? Next { get; set; }
}
