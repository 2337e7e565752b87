namespace Asl;

/// <summary>An execution's status, as DescribeExecution reports it.</summary>
public enum ExecutionStatus
{
    Running,
    Succeeded,
    Failed,
    TimedOut,
    Aborted,
}
