namespace Asl;

/// <summary>One Choice rule: its condition and the state it leads to.</summary>
internal sealed record ChoiceRule(ChoiceCondition Condition, string NextName)
{
    public StateNode? Next { get; set; }
}
