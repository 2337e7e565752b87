using System.IO.Pipes;
using System.Text;

namespace Lambda.Local;

/// <summary>
/// Reads a function process's stdout and stderr line by line on one thread. Reads only ever happen under a lock,
/// after asking the pipe how much it holds, so <see cref="Drain"/> can guarantee that every byte written before it
/// was called has become a line: the runtime writes its logs before posting its response, so an invocation's log
/// tail is complete, not a race with the reader.
/// </summary>
internal sealed class OutputPump
{
    private const short HangUpOrError = 0x8 | 0x10 | 0x20;

    private readonly Lock _gate = new();
    private readonly Source[] _sources;
    private readonly Action<string> _onLine;
    private readonly byte[] _buffer = new byte[64 * 1024];
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public OutputPump(Action<string> onLine, params Stream[] streams)
    {
        _onLine = onLine;
        _sources = [.. streams.Select(stream => new Source(stream))];
    }

    /// <summary>Completes when every stream reached end of file (all writers, children included, are gone).</summary>
    public Task Completion => _completion.Task;

    public void Start() => new Thread(Run) { IsBackground = true, Name = "Lambda.Local output" }.Start();

    /// <summary>
    /// Turns every byte already written to the pipes into lines before returning; with
    /// <paramref name="flushPartialLines"/> (the writer is gone) an unterminated last line too.
    /// </summary>
    public void Drain(bool flushPartialLines)
    {
        lock (_gate)
        {
            foreach (var source in _sources)
            {
                if (!source.Ended && NativeMethods.BytesAvailable(source.Fd) > 0)
                {
                    ReadAvailable(source, hungUp: false);
                }

                if (flushPartialLines)
                {
                    FlushPartialLine(source);
                }
            }
        }
    }

    private void Run()
    {
        try
        {
            while (true)
            {
                Source[] open;
                lock (_gate)
                {
                    open = [.. _sources.Where(source => !source.Ended)];
                }

                if (open.Length == 0)
                {
                    break;
                }

                var fds = open.Select(source => new NativeMethods.PollFd { Fd = source.Fd, Events = NativeMethods.PollIn }).ToArray();
                NativeMethods.Poll(fds);
                lock (_gate)
                {
                    for (var i = 0; i < open.Length; i++)
                    {
                        if (fds[i].Revents != 0 && !open[i].Ended)
                        {
                            ReadAvailable(open[i], (fds[i].Revents & HangUpOrError) != 0);
                        }
                    }
                }
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            // The process is gone and its pipes with it; what was read has been delivered.
        }
        finally
        {
            lock (_gate)
            {
                foreach (var source in _sources)
                {
                    source.Ended = true;
                    FlushPartialLine(source);
                }
            }

            _completion.TrySetResult();
        }
    }

    private void ReadAvailable(Source source, bool hungUp)
    {
        var available = NativeMethods.BytesAvailable(source.Fd);
        if (available == 0)
        {
            // Readable but empty is end of file only on a hang-up; otherwise Drain took the data first.
            if (hungUp)
            {
                source.Ended = true;
                FlushPartialLine(source);
            }

            return;
        }

        while (available > 0)
        {
            var read = source.Stream.Read(_buffer, 0, Math.Min(available, _buffer.Length));
            if (read == 0)
            {
                source.Ended = true;
                FlushPartialLine(source);
                return;
            }

            available -= read;
            SplitLines(source, _buffer.AsSpan(0, read));
        }
    }

    private void SplitLines(Source source, ReadOnlySpan<byte> data)
    {
        int newline;
        while ((newline = data.IndexOf((byte)'\n')) >= 0)
        {
            source.Partial.Write(data[..newline]);
            FlushPartialLine(source);
            data = data[(newline + 1)..];
        }

        source.Partial.Write(data);
        if (source.Partial.Length >= LambdaLimits.LogLineBytes)
        {
            FlushPartialLine(source);
        }
    }

    private void FlushPartialLine(Source source)
    {
        if (source.Partial.Length == 0)
        {
            return;
        }

        var line = Encoding.UTF8.GetString(source.Partial.GetBuffer(), 0, (int)source.Partial.Length).TrimEnd('\r');
        source.Partial.SetLength(0);
        _onLine(line);
    }

    private sealed class Source(Stream stream)
    {
        public Stream Stream { get; } = stream;

        public int Fd { get; } = stream is PipeStream pipe
            ? (int)pipe.SafePipeHandle.DangerousGetHandle()
            : throw new PlatformNotSupportedException("Function output must be a pipe.");

        public MemoryStream Partial { get; } = new();

        public bool Ended { get; set; }
    }
}
