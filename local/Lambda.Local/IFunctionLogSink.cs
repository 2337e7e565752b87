namespace Lambda.Local;

/// <summary>Receives each line a function writes to stdout or stderr, and the emulator's START/END/REPORT lines.</summary>
public interface IFunctionLogSink
{
    /// <summary>Takes one line of <paramref name="functionName"/>'s log; called from several threads.</summary>
    void WriteLine(string functionName, string line);
}
