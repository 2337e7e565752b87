namespace Workers.Tests;

/// <summary>Turns a call into what it ended with, a result or an exception, so concurrent outcomes can be asserted together.</summary>
public static class Outcome
{
    /// <summary>Awaits the call and returns its result, or the exception it threw.</summary>
    public static async Task<object?> Of<T>(Func<Task<T>> call)
    {
        ArgumentNullException.ThrowIfNull(call);
        try
        {
            return await call();
        }
        catch (Exception e)
        {
            return e;
        }
    }
}
