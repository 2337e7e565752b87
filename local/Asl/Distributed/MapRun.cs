namespace Asl;

/// <summary>A Distributed Map run: its ARN, settings and child-execution counters (DescribeMapRun).</summary>
public sealed class MapRun
{
    private readonly Lock _gate = new();
    private readonly string _childPrefix;

    internal MapRun(string arn, string executionArn, string childPrefix, DateTimeOffset startDate, int total, int maxConcurrency, long toleratedFailureCount, double toleratedFailurePercentage)
    {
        Arn = arn;
        ExecutionArn = executionArn;
        _childPrefix = childPrefix;
        StartDate = startDate;
        Total = total;
        Pending = total;
        MaxConcurrency = maxConcurrency;
        ToleratedFailureCount = toleratedFailureCount;
        ToleratedFailurePercentage = toleratedFailurePercentage;
    }

    public string Arn { get; }

    /// <summary>The parent execution.</summary>
    public string ExecutionArn { get; }

    /// <summary>RUNNING, SUCCEEDED, FAILED or ABORTED.</summary>
    public string Status { get; private set; } = "RUNNING";

    public DateTimeOffset StartDate { get; }

    public DateTimeOffset? StopDate { get; private set; }

    public int MaxConcurrency { get; }

    public long ToleratedFailureCount { get; }

    public double ToleratedFailurePercentage { get; }

    public int Total { get; }

    public int Pending { get; private set; }

    public int Running { get; private set; }

    public int Succeeded { get; private set; }

    public int Failed { get; private set; }

    public int TimedOut { get; private set; }

    public int Aborted { get; private set; }

    /// <summary>How many child results a ResultWriter stored.</summary>
    public int ResultsWritten { get; internal set; }

    internal string ChildArn(string name, StateMachineType type) =>
        type == StateMachineType.Express ? $"{_childPrefix.Replace(":execution:", ":express:", StringComparison.Ordinal)}:{name}:{Guid.NewGuid()}" : $"{_childPrefix}:{name}";

    internal void ChildStarted()
    {
        lock (_gate)
        {
            Pending--;
            Running++;
        }
    }

    internal void ChildEnded(ExecutionStatus status)
    {
        lock (_gate)
        {
            Running--;
            switch (status)
            {
                case ExecutionStatus.Succeeded:
                    Succeeded++;
                    break;
                case ExecutionStatus.TimedOut:
                    TimedOut++;
                    break;
                case ExecutionStatus.Aborted:
                    Aborted++;
                    break;
                default:
                    Failed++;
                    break;
            }
        }
    }

    internal void Close(string status, DateTimeOffset at)
    {
        lock (_gate)
        {
            Status = status;
            StopDate = at;
        }
    }
}
