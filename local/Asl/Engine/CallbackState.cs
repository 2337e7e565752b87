namespace Asl;

/// <summary>Where a task token is in its life.</summary>
internal enum CallbackState
{
    Open,
    TimedOut,
    Closed,
}
