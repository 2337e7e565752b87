using System.Runtime.InteropServices;

namespace Lambda.Local;

/// <summary>
/// The two POSIX calls the output pump needs and .NET does not expose: <c>poll</c> to wait for pipe data without
/// taking it, and <c>ioctl(FIONREAD)</c> to learn how much is buffered.
/// </summary>
internal static class NativeMethods
{
    public const short PollIn = 0x1;

    private const int Eintr = 4;

    // FIONREAD differs between Linux and the BSD-derived macOS.
    private static readonly nuint FionRead = OperatingSystem.IsMacOS() ? (nuint)0x4004667F : 0x541B;

    /// <summary>Blocks until one of <paramref name="fds"/> is readable or hung up; retries on EINTR.</summary>
    public static void Poll(PollFd[] fds)
    {
        while (poll(fds, (nuint)fds.Length, -1) < 0)
        {
            if (Marshal.GetLastPInvokeError() != Eintr)
            {
                throw new IOException($"poll failed with errno {Marshal.GetLastPInvokeError()}");
            }
        }
    }

    /// <summary>The bytes buffered in the pipe <paramref name="fd"/>, or 0 when it cannot say.</summary>
    public static int BytesAvailable(int fd) => ioctl(fd, FionRead, out var count) == 0 ? count : 0;

    [DllImport("libc", SetLastError = true)]
    private static extern int poll([In, Out] PollFd[] fds, nuint count, int timeout);

    [DllImport("libc", SetLastError = true)]
    private static extern int ioctl(int fd, nuint request, out int value);

    /// <summary>The C <c>struct pollfd</c>.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }
}
