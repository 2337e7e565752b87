namespace Asl;

/// <summary>One Catch entry: which errors, where to go, and how the error output is placed.</summary>
internal sealed record Catcher(string[] ErrorEquals, string NextName, CatcherOutput Output)
{
    public StateNode? Next { get; set; }
}
