namespace Asl;

/// <summary>What GetActivityTask hands a worker: the token to answer with and the task's input as JSON text.</summary>
public sealed record ActivityTask(string TaskToken, string Input);
