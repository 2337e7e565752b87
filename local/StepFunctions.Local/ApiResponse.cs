namespace StepFunctions.Local;

/// <summary>One JSON 1.0 answer: the HTTP status and the JSON body.</summary>
public readonly record struct ApiResponse(int StatusCode, ReadOnlyMemory<byte> Body);
