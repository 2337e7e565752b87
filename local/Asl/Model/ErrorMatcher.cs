namespace Asl;

/// <summary>
/// ErrorEquals matching: exact names, States.ALL for any catchable error, and States.TaskFailed for any error except
/// States.Timeout (AWS's documented rule). Terminal errors (States.Runtime, most States.DataLimitExceeded) never match.
/// </summary>
internal static class ErrorMatcher
{
    public static bool Matches(string[] errorEquals, StatesErrorException error)
    {
        if (error.IsTerminal)
        {
            return false;
        }

        foreach (var name in errorEquals)
        {
            if (name == ErrorNames.All
                || (name == ErrorNames.TaskFailed && error.Error != ErrorNames.Timeout)
                || string.Equals(name, error.Error, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
