using System.Diagnostics;

namespace Workers.Lambda;

/// <summary>
/// The ActivitySource the runtime traces with. Each invocation's handler runs in an Activity named
/// <c>## &lt;handler&gt;</c> whose parent is the Lambda facade segment from <c>Lambda-Runtime-Trace-Id</c>; it is
/// exported as an X-Ray subsegment with the <c>ColdStart</c> and <c>Service</c> annotations. Activities a handler
/// starts from <see cref="Source"/> become nested subsegments; their tags become X-Ray annotations.
/// Export is off when <c>POWERTOOLS_TRACE_DISABLED</c> is true or the invocation carries no sampled trace header.
/// </summary>
public static class LambdaTracing
{
    /// <summary>The name of <see cref="Source"/>.</summary>
    public const string SourceName = "Workers.Lambda";

    /// <summary>Start activities from this source to add subsegments under the handler's.</summary>
    public static ActivitySource Source { get; } = new(SourceName);
}
