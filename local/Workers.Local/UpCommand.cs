using System.Runtime.InteropServices;
using StandIns;
using Template;

namespace Workers.Local;

/// <summary>
/// <c>up</c> (the default verb): the whole backend of <c>template.yaml</c> on loopback (<see cref="LocalCloud"/>),
/// its endpoints and a ready line printed, until Ctrl-C or SIGTERM. Exit 1 with a one-line cause when it cannot start
/// (template error with line and column, busy port, missing node, failed build); 2 for a wrong command line.
/// </summary>
internal static class UpCommand
{
    /// <summary>The line printed once every endpoint answers; tests and scripts wait for it.</summary>
    public const string ReadyLine = "Local cloud ready (Ctrl-C to stop)";

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        LocalSettings settings;
        try
        {
            var line = CommandLine.Parse("up", args);
            settings = LocalSettings.From(line);
            line.RejectUnknown();
            if (line.Positional.Count > 0)
            {
                throw new UsageException($"up: unexpected argument '{line.Positional[0]}'.");
            }
        }
        catch (UsageException e)
        {
            await stderr.WriteLineAsync(e.Message).ConfigureAwait(false);
            await stderr.WriteLineAsync(Usage.Text).ConfigureAwait(false);
            return 2;
        }

        using var stop = new CancellationTokenSource();
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        var started = DateTimeOffset.UtcNow;
        LocalCloud cloud;
        try
        {
            var template = await settings.LoadTemplateAsync(stop.Token).ConfigureAwait(false);
            cloud = await LocalCloud.StartAsync(settings, template, stdout, stop.Token).ConfigureAwait(false);
        }
        catch (TemplateException e)
        {
            foreach (var error in e.Errors)
            {
                await stderr.WriteLineAsync(error.ToString()).ConfigureAwait(false);
            }

            if (e.Errors.Count == 0)
            {
                await stderr.WriteLineAsync($"up: {e.Message}").ConfigureAwait(false);
            }

            return 1;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return 130;
        }
        catch (Exception e) when (e is LocalCloudException or StandInException or IOException or UnauthorizedAccessException or InvalidOperationException or ArgumentException)
        {
            await stderr.WriteLineAsync($"up: {e.Message}").ConfigureAwait(false);
            return 1;
        }

        await using (cloud)
        {
            foreach (var (name, url) in cloud.Endpoints)
            {
                await stdout.WriteLineAsync($"  {name,-26} {url}").ConfigureAwait(false);
            }

            await stdout.WriteLineAsync($"{ReadyLine} in {(DateTimeOffset.UtcNow - started).TotalSeconds:0.0} s").ConfigureAwait(false);
            await stdout.FlushAsync(CancellationToken.None).ConfigureAwait(false);
            try
            {
                await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                await stdout.WriteLineAsync("Stopping the local cloud").ConfigureAwait(false);
            }
        }

        await stdout.WriteLineAsync("Local cloud stopped").ConfigureAwait(false);
        return 0;

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Cancel();
        }
    }
}
