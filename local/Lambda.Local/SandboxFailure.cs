using System.Globalization;

namespace Lambda.Local;

/// <summary>
/// Why Lambda itself ended an invocation (timeout, process exit, unusable entry point), with its error type, its
/// message (which names the request) and the <c>Status</c> of the REPORT line.
/// </summary>
internal sealed record SandboxFailure(string ErrorType, Func<string, string> Message, string Status)
{
    public static SandboxFailure TimedOut(TimeSpan timeout) =>
        new("Sandbox.Timedout", requestId => string.Create(CultureInfo.InvariantCulture, $"RequestId: {requestId} Error: Task timed out after {timeout.TotalSeconds:F2} seconds"), "timeout");

    public static SandboxFailure Exited(int exitCode) =>
        new("Runtime.ExitError", requestId => $"RequestId: {requestId} Error: {DescribeExit(exitCode)}", "error");

    public static SandboxFailure InvalidEntrypoint(string reason) =>
        new("Runtime.InvalidEntrypoint", requestId => $"RequestId: {requestId} Error: {reason}", "error");

    public byte[] Document(string requestId) => ErrorDocuments.Create(ErrorType, Message(requestId));

    // Go's os/exec wording, which Lambda's own messages carry ("exit status 1", "signal: killed"); .NET reports a
    // signal as 128 + its number.
    private static string DescribeExit(int exitCode) => exitCode switch
    {
        0 => "Runtime exited without providing a reason",
        128 + 6 => "Runtime exited with error: signal: aborted",
        128 + 9 => "Runtime exited with error: signal: killed",
        128 + 11 => "Runtime exited with error: signal: segmentation fault",
        128 + 15 => "Runtime exited with error: signal: terminated",
        _ => $"Runtime exited with error: exit status {exitCode}",
    };
}
