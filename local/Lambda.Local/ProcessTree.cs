using System.Globalization;

namespace Lambda.Local;

/// <summary>
/// The descendants of a function process, read from Linux's <c>/proc</c>, so shutdown can wait until grandchildren
/// a runtime started (a shell's curl, a helper) are gone too, not only the process it started. Elsewhere the list
/// is empty and only the direct child is awaited. It also reads a process's peak memory for the REPORT line.
/// </summary>
internal static class ProcessTree
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(10);

    public static IReadOnlyList<int> Descendants(int rootId)
    {
        if (!OperatingSystem.IsLinux())
        {
            return [];
        }

        var children = new Dictionary<int, List<int>>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var id) && ParentOf(id) is { } parent)
            {
                (children.TryGetValue(parent, out var list) ? list : children[parent] = []).Add(id);
            }
        }

        var found = new List<int>();
        var pending = new Stack<int>([rootId]);
        while (pending.TryPop(out var id))
        {
            foreach (var child in children.GetValueOrDefault(id) ?? [])
            {
                found.Add(child);
                pending.Push(child);
            }
        }

        return found;
    }

    /// <summary>Waits until none of <paramref name="ids"/> is alive (gone or a zombie), at most <paramref name="limit"/>.</summary>
    public static async Task WaitUntilGoneAsync(IReadOnlyList<int> ids, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (ids.Any(IsAlive) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(PollInterval).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The peak resident set of process <paramref name="id"/> in bytes (<c>VmHWM</c>), or null where <c>/proc</c> cannot
    /// tell. One small file read: <see cref="System.Diagnostics.Process.PeakWorkingSet64"/> re-reads stat, status and
    /// every thread's entry on each refresh, which cost the emulator more CPU than dispatching the invocation itself.
    /// </summary>
    public static long? PeakResidentBytes(int id)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{id}/status"))
            {
                // "VmHWM:\t  123456 kB"
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal)
                    && long.TryParse(line.AsSpan(6).Trim().TrimEnd("kB").Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var kilobytes))
                {
                    return kilobytes * 1024;
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }

        return null;
    }

    // /proc/<id>/stat is "id (comm) state ppid ...", and comm may hold spaces or parentheses: parse after the last ')'.
    private static string[]? StatFields(int id)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{id}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static int? ParentOf(int id) =>
        StatFields(id) is [_, var parent, ..] && int.TryParse(parent, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static bool IsAlive(int id) => StatFields(id) is [var state, ..] && state is not ("Z" or "X");
}
