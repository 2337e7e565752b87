namespace Lambda.Local.TestFunction;

/// <summary>Input of the <c>throw</c> handler.</summary>
public sealed record ThrowInput(string? Message);

/// <summary>Input of the <c>sleep</c> handler.</summary>
public sealed record SleepInput(int Milliseconds);

/// <summary>Output of the <c>sleep</c> handler: the process that slept.</summary>
public sealed record SleepOutput(int ProcessId);

/// <summary>Input of the <c>crash</c> handler.</summary>
public sealed record CrashInput(int? ExitCode);

/// <summary>Input of the <c>large</c> handler.</summary>
public sealed record LargeInput(int Length);

/// <summary>Output of the <c>probe</c> handler: what the Runtime API answered to each misuse.</summary>
public sealed record ProbeOutput(int UnknownRequestIdStatus, string UnknownRequestIdBody, int InitErrorAfterInitStatus, int NextBeforeAnswerStatus, int UnknownPathStatus);

/// <summary>Output of the <c>inspect</c> handler.</summary>
public sealed record InspectOutput(
    int ProcessId,
    string RequestId,
    string InvokedFunctionArn,
    string? TraceId,
    string? ClientContext,
    string RemainingTimeMs,
    IReadOnlyDictionary<string, string> Environment);
