namespace Workers.Local;

/// <summary>The command line was wrong: the message says how, and the verb exits 2 after printing the usage.</summary>
internal sealed class UsageException(string message) : Exception(message);
